// Two projects: `unit` (pure, beside the code: **/*.test.ts) and `integration` (tests/integration, on a
// real PostgreSQL that tests/integration/setup/global-setup.ts provides). `npm run test:unit` and
// `npm run test:integration` pick one with --project. Extensionless and `.ts` imports both resolve
// (Vite's resolver), so code written for tsx runs here unchanged.
import { configDefaults, defineConfig } from "vitest/config";

const exclude = [
  ...configDefaults.exclude,
  "**/.next/**",
  "**/.turbo/**",
  "**/.loupe*/**",
  "packages/db/src/generated/**",
];

export default defineConfig({
  test: {
    // Global teardown (stopping PostgreSQL, dropping test databases) may take a while on a busy machine.
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "node",
          include: ["{packages,apps,evaluators,curation}/**/*.test.{ts,tsx}"],
          exclude,
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          environment: "node",
          include: ["tests/integration/**/*.test.ts"],
          exclude,
          globalSetup: ["tests/integration/setup/global-setup.ts"],
          // The machine has 2 cores and PostgreSQL needs some of them: two files at a time.
          maxWorkers: 2,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
