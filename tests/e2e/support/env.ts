/**
 * Where the e2e server listens and who its administrator is (shared by the config and specs).
 * LOUPE_E2E_PORT / LOUPE_E2E_PG_PORT move it, so two checkouts can run their suites side by side.
 */
export const PORT = Number(process.env.LOUPE_E2E_PORT ?? 3100);
export const PG_PORT = Number(process.env.LOUPE_E2E_PG_PORT ?? 25434);
export const BASE_URL = `http://localhost:${PORT}`;
export const ADMIN_EMAIL = "admin@e2e.test";
export const ADMIN_PASSWORD = "e2e-admin-password-1";
