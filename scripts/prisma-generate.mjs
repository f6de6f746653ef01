// Runs `prisma generate` offline. Prisma's CLI tries to fetch its schema-engine binary at
// start; generate never runs it, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file keeps it from reaching the network (see ARCHITECTURE.md, "Environment facts").
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  CHECKPOINT_DISABLE: "1",
  PRISMA_GENERATE_SKIP_AUTOINSTALL: "1",
};
const result = spawnSync(
  process.execPath,
  [path.join(root, "node_modules/prisma/build/index.js"), "generate", "--no-hints"],
  { cwd: root, env, stdio: "inherit" },
);
process.exit(result.status ?? 1);
