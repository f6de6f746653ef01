// A decision thread's entry point, in plain JavaScript so that any Node process can start it (the
// worker, the CLI, a test runner): it registers tsx, then runs the TypeScript thread body.
import { register } from "tsx/esm/api";

register();
await import("./decide-thread.ts");
