import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("loadConfig", () => {
  it("applies defaults for an empty environment", () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.port).toBe(3000);
    expect(c.baseUrl).toBe("http://localhost:3000");
    expect(c.demo).toBe(true);
    expect(c.dataDir.endsWith(".loupe")).toBe(true);
  });

  it("reads DATABASE_URL and LOUPE_DEMO=0", () => {
    const c = loadConfig({ DATABASE_URL: "postgres://u:p@h:5432/db", LOUPE_DEMO: "0", PORT: "4100" });
    expect(c.databaseUrl).toBe("postgres://u:p@h:5432/db");
    expect(c.demo).toBe(false);
    expect(c.baseUrl).toBe("http://localhost:4100");
  });

  it("names the bad variable in a one-line error", () => {
    expect(() => loadConfig({ PORT: "http" })).toThrow(ConfigError);
    expect(() => loadConfig({ DATABASE_URL: "mysql://x" })).toThrow(/^DATABASE_URL: .*postgres/);
    expect(() => loadConfig({ LOUPE_ADMIN_PASSWORD: "short" })).toThrow(/LOUPE_ADMIN_PASSWORD/);
  });
});
