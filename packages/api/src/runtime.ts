/**
 * Everything a request or job needs, built once per process from the parsed configuration:
 * the database client, better-auth, the media storage and the secret that signs media tokens.
 */
import { createPrismaClient, type Db } from "@loupe/db";
import { resolveMediaStorage, type ConfiguredMediaStorage, type MediaStorage } from "@loupe/media";
import { dataPaths } from "@loupe/config";
import { createAuth, type Auth } from "./auth/auth";

export type Runtime = {
  db: Db;
  auth: Auth;
  storage: MediaStorage;
  /** Signs and encrypts media tokens; the same secret as better-auth's. */
  secret: string;
  baseUrl: string;
  /** Folders that curation runs started from the web or the API may read (LOUPE_CURATION_ROOTS). */
  curationRoots: string[];
  /** Buckets that curation runs started from the web or the API may read (LOUPE_CURATION_BUCKETS). */
  curationBuckets: string[];
};

export function createRuntime(opts: {
  databaseUrl: string;
  secret: string;
  baseUrl: string;
  dataDir: string;
  /**
   * Where media files live: a ready storage, or the configured backend (`LoupeConfig.storage`).
   * Default: local files under `<dataDir>/media`.
   */
  storage?: MediaStorage | ConfiguredMediaStorage;
  /** Default: `<dataDir>/corpora`. */
  curationRoots?: string[];
  /** Default: none. */
  curationBuckets?: string[];
}): Runtime {
  const db = createPrismaClient(opts.databaseUrl);
  return {
    db,
    auth: createAuth({ db, secret: opts.secret, baseUrl: opts.baseUrl }),
    storage: resolveMediaStorage(opts.storage, dataPaths(opts.dataDir).media),
    secret: opts.secret,
    baseUrl: opts.baseUrl,
    curationRoots: opts.curationRoots ?? [dataPaths(opts.dataDir).corpora],
    curationBuckets: opts.curationBuckets ?? [],
  };
}
