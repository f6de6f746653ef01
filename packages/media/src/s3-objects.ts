/**
 * Reading a bucket's own objects, for sources that live in object storage (a curation run over
 * s3://bucket/prefix): one S3 client per endpoint, made exactly as S3MediaStorage makes its own
 * (path-style and checksums only where required for S3-compatible servers; credentials from the
 * options, else the SDK's default chain), a listing in key order, and a bounded read.
 */
import { GetObjectCommand, ListObjectsCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";

export type S3ClientOptions = {
  /** Default "us-east-1" (most S3-compatible servers accept any region). */
  region?: string;
  /** An S3-compatible server, e.g. "http://127.0.0.1:9000"; unset means AWS S3. */
  endpoint?: string;
  /** Bucket in the path rather than the host name; default true when an endpoint is given. */
  forcePathStyle?: boolean;
  accessKeyId?: string;
  secretAccessKey?: string;
};

export function createS3Client(options: S3ClientOptions): S3Client {
  const config: S3ClientConfig = {
    region: options.region || "us-east-1",
    forcePathStyle: options.forcePathStyle ?? options.endpoint !== undefined,
  };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    config.requestChecksumCalculation = "WHEN_REQUIRED";
    config.responseChecksumValidation = "WHEN_REQUIRED";
  }
  if (options.accessKeyId && options.secretAccessKey)
    config.credentials = { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey };
  return new S3Client(config);
}

const clients = new Map<string, S3Client>();

/** A client for this endpoint and region with the default credentials, made once per process. */
export function sharedS3Client(options: { endpoint?: string; region?: string }): S3Client {
  const key = `${options.endpoint ?? ""}|${options.region ?? ""}`;
  let client = clients.get(key);
  if (!client) {
    client = createS3Client(options);
    clients.set(key, client);
  }
  return client;
}

export type S3ObjectEntry = { key: string; size: number };

/**
 * Every object under `prefix`, in key order (S3 lists keys in UTF-8 binary order), page by page.
 * ListObjects (v1) with the last key as the marker: every S3-compatible server pages it the same
 * way, where v2's opaque continuation tokens are implemented unevenly.
 */
export async function* listS3Objects(
  client: S3Client,
  bucket: string,
  prefix: string,
  pageSize = 1000,
): AsyncGenerator<S3ObjectEntry> {
  let marker: string | undefined;
  for (;;) {
    const page = await client.send(
      new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker, MaxKeys: pageSize }),
    );
    const contents = page.Contents ?? [];
    for (const o of contents) if (o.Key !== undefined) yield { key: o.Key, size: o.Size ?? 0 };
    const last = contents.at(-1)?.Key;
    if (!page.IsTruncated || last === undefined) return;
    marker = last;
  }
}

/** An object's bytes; more than `maxBytes` is refused before they are read. */
export async function readS3Object(
  client: S3Client,
  bucket: string,
  key: string,
  maxBytes: number,
): Promise<Buffer> {
  const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  if ((response.ContentLength ?? 0) > maxBytes) {
    response.Body?.transformToWebStream()
      .cancel()
      .catch(() => undefined);
    throw new Error(`the object is ${response.ContentLength} bytes, more than the limit of ${maxBytes}`);
  }
  if (!response.Body) throw new Error("no body in the response");
  return Buffer.from(await response.Body.transformToByteArray());
}
