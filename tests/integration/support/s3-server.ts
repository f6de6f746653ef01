/**
 * A real S3-compatible server for a test: s3rver on a free port, its files in a temporary folder,
 * with the given buckets. s3rver checks signatures against one fixed key pair.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";

export const S3RVER_CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

export async function startS3Server(buckets: readonly string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-s3rver-"));
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: dir,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    /** A folder of its own for the test's scratch files, removed with the server. */
    dir,
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
