import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (apps/cli/src/ is three levels down). */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const webDir = path.join(repoRoot, "apps/web");
