import path from "node:path";
import { describe, expect, it } from "vitest";
import { createMediaStorage, resolveMediaStorage } from "./create-storage";
import { normalizeS3Prefix, S3MediaStorage } from "./s3-storage";
import { InvalidSha256Error, LocalMediaStorage } from "./storage";

const sha = "ab".repeat(32);

describe("createMediaStorage", () => {
  it("builds local storage under its root", () => {
    const storage = createMediaStorage({ kind: "local", root: "/srv/loupe/media" });
    expect(storage).toBeInstanceOf(LocalMediaStorage);
    expect((storage as LocalMediaStorage).root).toBe(path.resolve("/srv/loupe/media"));
  });

  it("builds S3 storage with AWS defaults: us-east-1, virtual-hosted style, no prefix", async () => {
    const storage = createMediaStorage({ kind: "s3", bucket: "media" }) as S3MediaStorage;
    expect(storage).toBeInstanceOf(S3MediaStorage);
    expect("localPath" in storage).toBe(false);
    expect(storage.bucket).toBe("media");
    expect(storage.key(sha)).toBe(`ab/ab/${sha}`);
    expect(await storage.client.config.region()).toBe("us-east-1");
    expect(storage.client.config.forcePathStyle).toBe(false);
    storage.destroy();
  });

  it("uses path-style addressing for a custom endpoint unless told otherwise", async () => {
    const options = {
      kind: "s3" as const,
      bucket: "media",
      prefix: "prod/loupe",
      region: "auto",
      endpoint: "http://127.0.0.1:9000",
      accessKeyId: "id",
      secretAccessKey: "secret",
    };
    const storage = createMediaStorage(options) as S3MediaStorage;
    expect(storage.client.config.forcePathStyle).toBe(true);
    expect(await storage.client.config.region()).toBe("auto");
    expect(await storage.client.config.credentials()).toMatchObject({
      accessKeyId: "id",
      secretAccessKey: "secret",
    });
    expect(storage.key(sha)).toBe(`prod/loupe/ab/ab/${sha}`);
    const virtualHosted = createMediaStorage({ ...options, forcePathStyle: false }) as S3MediaStorage;
    expect(virtualHosted.client.config.forcePathStyle).toBe(false);
    storage.destroy();
    virtualHosted.destroy();
  });

  it("refuses invalid options in one line", () => {
    expect(() => createMediaStorage({ kind: "s3", bucket: "" })).toThrow(
      /^invalid media storage options: bucket: needs a bucket$/,
    );
    expect(() => createMediaStorage({ kind: "local", root: " " })).toThrow(/root/);
    expect(() => createMediaStorage({ kind: "s3", bucket: "b", endpoint: "not a url" })).toThrow(/endpoint/);
    expect(() => createMediaStorage({ kind: "s3", bucket: "b", accessKeyId: "id" })).toThrow(
      /both an access key id and a secret access key, or neither/,
    );
    expect(() => createMediaStorage({ kind: "ftp" } as never)).toThrow(/invalid media storage options/);
  });
});

describe("resolveMediaStorage", () => {
  it("is local files under the given folder when nothing or local is configured", () => {
    for (const configured of [undefined, { kind: "local" as const }]) {
      const storage = resolveMediaStorage(configured, "/data/media");
      expect(storage).toBeInstanceOf(LocalMediaStorage);
      expect((storage as LocalMediaStorage).root).toBe(path.resolve("/data/media"));
    }
  });

  it("builds the configured bucket, and passes a ready storage through", () => {
    const s3 = resolveMediaStorage({ kind: "s3", bucket: "media", prefix: "", region: "us-east-1" }, "/x");
    expect(s3).toBeInstanceOf(S3MediaStorage);
    expect(resolveMediaStorage(s3, "/x")).toBe(s3);
    (s3 as S3MediaStorage).destroy();
  });
});

describe("S3MediaStorage (no server needed)", () => {
  it("normalizes the key prefix to end with one folder separator", () => {
    expect(normalizeS3Prefix(undefined)).toBe("");
    expect(normalizeS3Prefix("")).toBe("");
    expect(normalizeS3Prefix("media")).toBe("media/");
    expect(normalizeS3Prefix("/a/b/")).toBe("a/b/");
  });

  it("refuses a non-hash and an invalid range before any request", () => {
    const storage = new S3MediaStorage({ bucket: "media", endpoint: "http://127.0.0.1:9" });
    expect(() => storage.key("../../etc/passwd")).toThrow(InvalidSha256Error);
    expect(() => storage.createReadStream("ABC")).toThrow(InvalidSha256Error);
    expect(() => storage.createReadStream(sha, { start: 5, end: 2 })).toThrow(RangeError);
    expect(() => storage.createReadStream(sha, { start: -1, end: 2 })).toThrow(RangeError);
    storage.destroy();
  });

  it("needs a bucket and both halves of a key pair", () => {
    expect(() => new S3MediaStorage({ bucket: "" })).toThrow(/bucket/);
    expect(() => new S3MediaStorage({ bucket: "b", secretAccessKey: "s" })).toThrow(/or neither/);
  });
});
