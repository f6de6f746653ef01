#!/usr/bin/env node
// The `loupe` command: registers tsx (TypeScript source runs directly, no build step for
// packages) and hands over to apps/cli.
import { register } from "tsx/esm/api";

register();
await import("../apps/cli/src/main.ts");
