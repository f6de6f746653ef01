/**
 * End-to-end tests: the real `loupe start` (embedded PostgreSQL in a fresh temporary data dir,
 * migrations, admin, demo data, web server and a worker) driven by Debian's Chromium.
 * The web app must be built first (`npm run build:web`; `npm test` does it).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "@playwright/test";
import { ADMIN_EMAIL, ADMIN_PASSWORD, BASE_URL, PG_PORT, PORT } from "./support/env";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

// Playwright loads this file in the runner and in every worker; only the runner makes (and later
// removes) the data dir, and workers inherit its path through the environment.
let dataDir = process.env.LOUPE_E2E_DATA_DIR;
if (!dataDir) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-e2e-"));
  // embedded PostgreSQL runs as the `postgres` user when we are root: it must reach the dir.
  fs.chmodSync(dataDir, 0o755);
  process.env.LOUPE_E2E_DATA_DIR = dataDir;
  const created = dataDir;
  process.once("exit", () => fs.rmSync(created, { recursive: true, force: true }));
}

export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  // Per port, so checkouts running e2e side by side do not clear each other's traces.
  outputDir: path.join(os.tmpdir(), `loupe-e2e-results-${PORT}`),
  use: {
    baseURL: BASE_URL,
    viewport: { width: 1280, height: 720 },
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node scripts/loupe.mjs start",
    cwd: repoRoot,
    url: `${BASE_URL}/sign-in`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
    gracefulShutdown: { signal: "SIGINT", timeout: 30_000 },
    env: {
      LOUPE_DATA_DIR: dataDir,
      PORT: String(PORT),
      LOUPE_PG_PORT: String(PG_PORT),
      LOUPE_ADMIN_EMAIL: ADMIN_EMAIL,
      LOUPE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      LOUPE_DEMO: "1",
      LOUPE_BASE_URL: BASE_URL,
      DATABASE_URL: "", // empty: the embedded PostgreSQL, whatever the shell has
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
