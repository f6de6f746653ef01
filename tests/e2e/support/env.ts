/** Where the e2e server listens and who its administrator is (shared by the config and specs). */
export const PORT = 3100;
export const PG_PORT = 54340;
export const BASE_URL = `http://localhost:${PORT}`;
export const ADMIN_EMAIL = "admin@e2e.test";
export const ADMIN_PASSWORD = "e2e-admin-password-1";
