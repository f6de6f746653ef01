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

describe("curation buckets (LOUPE_CURATION_BUCKETS)", () => {
  it("are none by default, and a comma-separated list otherwise", () => {
    expect(loadConfig({}).curationBuckets).toEqual([]);
    expect(loadConfig({ LOUPE_CURATION_BUCKETS: " corpora, raw-videos ,," }).curationBuckets).toEqual([
      "corpora",
      "raw-videos",
    ]);
  });
});

describe("curation roots (LOUPE_CURATION_ROOTS)", () => {
  it("default to <data dir>/corpora, and read a list of absolute folders", () => {
    expect(loadConfig({ LOUPE_DATA_DIR: "/srv/loupe" }).curationRoots).toEqual(["/srv/loupe/corpora"]);
    expect(loadConfig({ LOUPE_CURATION_ROOTS: "/data/laion:/mnt/videos/" }).curationRoots).toEqual([
      "/data/laion",
      "/mnt/videos",
    ]);
  });
});

describe("media storage (LOUPE_STORAGE, LOUPE_S3_*)", () => {
  const s3 = { LOUPE_STORAGE: "s3", LOUPE_S3_BUCKET: "loupe-media" };

  it("is local files by default, whatever LOUPE_S3_* say", () => {
    expect(loadConfig({}).storage).toEqual({ kind: "local" });
    expect(loadConfig({ LOUPE_STORAGE: "local", LOUPE_S3_BUCKET: "unused" }).storage).toEqual({
      kind: "local",
    });
  });

  it("reads a bucket with defaults for prefix and region and the SDK's own credentials", () => {
    expect(loadConfig(s3).storage).toEqual({
      kind: "s3",
      bucket: "loupe-media",
      prefix: "",
      region: "us-east-1",
    });
  });

  it("reads every S3 variable for an S3-compatible server", () => {
    const c = loadConfig({
      ...s3,
      LOUPE_S3_PREFIX: "prod/media/",
      LOUPE_S3_REGION: "eu-west-3",
      LOUPE_S3_ENDPOINT: "http://127.0.0.1:9000",
      LOUPE_S3_ACCESS_KEY_ID: "AKIAEXAMPLE",
      LOUPE_S3_SECRET_ACCESS_KEY: "wJalrXUtnFEMI/K7MDENG",
    });
    expect(c.storage).toEqual({
      kind: "s3",
      bucket: "loupe-media",
      prefix: "prod/media/",
      region: "eu-west-3",
      endpoint: "http://127.0.0.1:9000",
      accessKeyId: "AKIAEXAMPLE",
      secretAccessKey: "wJalrXUtnFEMI/K7MDENG",
    });
  });

  it("treats empty variables as unset", () => {
    const c = loadConfig({ ...s3, LOUPE_S3_REGION: "", LOUPE_S3_ENDPOINT: "", LOUPE_S3_ACCESS_KEY_ID: "" });
    expect(c.storage).toEqual({ kind: "s3", bucket: "loupe-media", prefix: "", region: "us-east-1" });
  });

  it("names the missing bucket in one line", () => {
    expect(() => loadConfig({ LOUPE_STORAGE: "s3" })).toThrow(ConfigError);
    expect(() => loadConfig({ LOUPE_STORAGE: "s3", LOUPE_S3_BUCKET: "  " })).toThrow(
      /^LOUPE_S3_BUCKET: must be set when LOUPE_STORAGE=s3[^\n]*$/,
    );
  });

  it("refuses an unknown backend, a bad endpoint and half a key pair", () => {
    expect(() => loadConfig({ LOUPE_STORAGE: "gcs" })).toThrow(/^LOUPE_STORAGE: must be "local" or "s3"/);
    expect(() => loadConfig({ ...s3, LOUPE_S3_ENDPOINT: "minio:9000" })).toThrow(
      /^LOUPE_S3_ENDPOINT: must be an http/,
    );
    expect(() => loadConfig({ ...s3, LOUPE_S3_ENDPOINT: "ftp://host/" })).toThrow(/^LOUPE_S3_ENDPOINT/);
    expect(() => loadConfig({ ...s3, LOUPE_S3_ACCESS_KEY_ID: "AKIAEXAMPLE" })).toThrow(
      /^LOUPE_S3_SECRET_ACCESS_KEY: must be set together with LOUPE_S3_ACCESS_KEY_ID/,
    );
    expect(() => loadConfig({ ...s3, LOUPE_S3_SECRET_ACCESS_KEY: "hunter2" })).toThrow(
      /^LOUPE_S3_ACCESS_KEY_ID: must be set together/,
    );
  });

  it("never repeats a secret in an error", () => {
    let message = "";
    try {
      loadConfig({ ...s3, LOUPE_S3_SECRET_ACCESS_KEY: "hunter2-secret" });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/LOUPE_S3_ACCESS_KEY_ID/);
    expect(message).not.toContain("hunter2-secret");
  });
});
