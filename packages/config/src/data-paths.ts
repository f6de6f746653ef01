import path from "node:path";

/** Where everything Loupe keeps on disk lives, under one data directory. */
export type DataPaths = ReturnType<typeof dataPaths>;

export function dataPaths(dataDir: string) {
  return {
    root: dataDir,
    /** Embedded PostgreSQL cluster. */
    postgres: path.join(dataDir, "postgres"),
    /** Content-addressed media store. */
    media: path.join(dataDir, "media"),
    /** Where corpora for curation runs started from the web go (the default LOUPE_CURATION_ROOTS). */
    corpora: path.join(dataDir, "corpora"),
    /** Generated secrets (auth secret), mode 0600. */
    secrets: path.join(dataDir, "secrets.json"),
    /** Pid file of the running `loupe start`, guarding against a second start on the same dir. */
    pidFile: path.join(dataDir, "loupe.pid"),
  };
}
