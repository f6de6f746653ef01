/**
 * Content-addressed media storage in an S3 bucket (AWS S3 or any S3-compatible server: MinIO,
 * Cloudflare R2, Ceph, Garage, …), for deployments where the web server and the workers run on
 * different machines: every process that points at the same bucket sees the same files, where
 * `LocalMediaStorage` would need a shared file system.
 *
 * The layout and the rules are those of `LocalMediaStorage`: an object is named by the sha256 of
 * its bytes, under `<prefix><aa>/<bb>/<sha256>`, so storing the same content twice uploads once
 * (a HeadObject of the right size says it is there), and nothing outside this file builds keys.
 * Reads stream the object's body (never buffered), with `Range: bytes=start-end` for byte ranges.
 * There is no `localPath`: a caller that needs a file (ffmpeg/ffprobe) writes a temporary copy
 * (today none does: ingestion probes the incoming bytes before they are stored).
 *
 * Credentials are an access key id and secret when given, else the SDK's default chain
 * (environment, shared config files, instance/container roles). They need s3:GetObject,
 * s3:PutObject and s3:ListBucket on the bucket: without ListBucket, S3 answers a HeadObject for a
 * missing object with 403 instead of 404, which reads as an error rather than "not stored".
 * With a custom endpoint, path-style addressing is the default (most S3-compatible servers want
 * it) and the SDK adds checksums only where an operation requires them: its default CRC checksums
 * on every upload are refused by several S3-compatible servers.
 */
import fs from "node:fs";
import { PassThrough, Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  type GetObjectCommandOutput,
} from "@aws-sdk/client-s3";
import { createS3Client } from "./s3-objects";
import {
  assertSha256,
  sha256Hex,
  sha256OfFile,
  type ByteRange,
  type MediaStorage,
  type StoredMedia,
} from "./storage";

export type S3MediaStorageOptions = {
  bucket: string;
  /** Prepended to every key, e.g. "loupe/media/" (a missing trailing "/" is added); default "". */
  prefix?: string;
  /** Default "us-east-1" (most S3-compatible servers accept any region). */
  region?: string;
  /** An S3-compatible server, e.g. "http://127.0.0.1:9000"; unset means AWS S3. */
  endpoint?: string;
  /** Bucket in the path rather than the host name; default true when an endpoint is given. */
  forcePathStyle?: boolean;
  /** Both or neither; unset uses the SDK's default credential chain. */
  accessKeyId?: string;
  secretAccessKey?: string;
};

/** `prefix` as a key prefix: no leading "/", and a trailing "/" when it is not empty. */
export function normalizeS3Prefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").trim().replace(/^\/+/, "");
  return trimmed === "" || trimmed.endsWith("/") ? trimmed : `${trimmed}/`;
}

type S3Error = { name?: string; Code?: string; $metadata?: { httpStatusCode?: number } };

function isNotFound(err: unknown): boolean {
  const e = err as S3Error | null;
  return (
    e?.name === "NotFound" ||
    e?.name === "NoSuchKey" ||
    e?.Code === "NoSuchKey" ||
    e?.$metadata?.httpStatusCode === 404
  );
}

function assertRange(range: ByteRange | undefined): void {
  if (
    range &&
    !(
      Number.isSafeInteger(range.start) &&
      Number.isSafeInteger(range.end) &&
      0 <= range.start &&
      range.start <= range.end
    )
  ) {
    throw new RangeError(`invalid byte range ${range.start}-${range.end}`);
  }
}

/** GetObject's body: a Node Readable in Node (the SDK's type also covers browser bodies). */
function nodeReadable(body: GetObjectCommandOutput["Body"], what: string): Readable {
  if (body instanceof Readable) return body;
  if (body && "transformToWebStream" in body) {
    return Readable.fromWeb(body.transformToWebStream() as WebReadableStream<Uint8Array>);
  }
  throw new Error(`${what}: no body in the response`);
}

export class S3MediaStorage implements MediaStorage {
  readonly bucket: string;
  readonly prefix: string;
  readonly client: S3Client;

  constructor(options: S3MediaStorageOptions) {
    if (!options.bucket) throw new Error("S3 media storage needs a bucket");
    if (!options.accessKeyId !== !options.secretAccessKey) {
      throw new Error("S3 media storage needs both an access key id and a secret access key, or neither");
    }
    this.bucket = options.bucket;
    this.prefix = normalizeS3Prefix(options.prefix);
    this.client = createS3Client(options);
  }

  /** The object key of a hash: `<prefix><aa>/<bb>/<sha256>`, the local layout. */
  key(sha256: string): string {
    assertSha256(sha256);
    return `${this.prefix}${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  }

  async put(bytes: Buffer): Promise<StoredMedia> {
    const sha256 = sha256Hex(bytes);
    const existing = await this.stat(sha256);
    // An object of the right size under its own hash is this content (S3 writes are atomic:
    // an object is either all there or not there).
    if (existing && existing.bytes === bytes.length) return { sha256, bytes: bytes.length, created: false };
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(sha256),
        Body: bytes,
        ContentLength: bytes.length,
        ContentType: "application/octet-stream",
      }),
    );
    return { sha256, bytes: bytes.length, created: true };
  }

  async putFile(file: string): Promise<StoredMedia> {
    const { sha256, bytes } = await sha256OfFile(file);
    const existing = await this.stat(sha256);
    if (existing && existing.bytes === bytes) return { sha256, bytes, created: false };
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.key(sha256),
        Body: fs.createReadStream(file),
        ContentLength: bytes,
        ContentType: "application/octet-stream",
      }),
    );
    return { sha256, bytes, created: true };
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== null;
  }

  async stat(sha256: string): Promise<{ bytes: number } | null> {
    const Key = this.key(sha256);
    try {
      const head = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return { bytes: head.ContentLength ?? 0 };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  createReadStream(sha256: string, range?: ByteRange): Readable {
    const Key = this.key(sha256);
    assertRange(range);
    const out = new PassThrough();
    const abort = new AbortController();
    // A reader that gives up before the response arrives cancels the request (a reader that gives
    // up later destroys `out`, and the pipeline below then destroys the body).
    out.once("close", () => {
      if (!out.readableEnded) abort.abort();
    });
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key,
      ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
    });
    this.client
      .send(command, { abortSignal: abort.signal })
      .then(async (res) => {
        await pipeline(nodeReadable(res.Body, `s3://${this.bucket}/${Key}`), out);
      })
      .catch((err: unknown) => {
        if (out.destroyed) return;
        // The same shape as a missing local file (ENOENT), so callers need not know the backend.
        const error = isNotFound(err)
          ? Object.assign(new Error(`s3://${this.bucket}/${Key}: not stored`, { cause: err }), {
              code: "ENOENT",
            })
          : err;
        out.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    return out;
  }

  /** Closes the client's sockets (the storage cannot be used afterwards). */
  destroy(): void {
    this.client.destroy();
  }
}
