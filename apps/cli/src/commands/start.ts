/**
 * `loupe start`: database (embedded or DATABASE_URL) → migrations → first admin → demo data →
 * web server (Next.js, in this process) and one worker. Ctrl-C stops them in reverse order.
 */
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { loadConfig } from "@loupe/config";
import { createRuntime, createTrpcNodeHandler, TRPC_BASE_PATH } from "@loupe/api";
import { ensureAdmin } from "@loupe/api/auth";
import { seedDemoProject } from "@loupe/api/demo";
import { portIsFree } from "@loupe/db/embedded";
import { startWorker } from "@loupe/worker";
import { lockDataDir, prepareDataDir, readOrCreateSecret } from "../data-dir";
import { migrateAll, resolveDatabase } from "../database";
import { CliError } from "../errors";
import { webDir } from "../paths";
import { progressBar } from "../progress";

export async function startCommand(opts: { worker: boolean }): Promise<void> {
  const startedAt = performance.now();
  const log = (line: string) => console.log(line);
  const config = loadConfig();
  const paths = prepareDataDir(config.dataDir);
  const release = lockDataDir(paths);
  const cleanups: (() => Promise<void> | void)[] = [release];
  const shutdown = async () => {
    for (const fn of cleanups.reverse()) await fn();
  };

  try {
    if (!fs.existsSync(path.join(webDir, ".next", "BUILD_ID"))) {
      throw new CliError("the web app is not built; run `npm start` (it builds first) or `npm run build`");
    }
    if (!(await portIsFree(config.port, config.host))) {
      throw new CliError(`port ${config.port} is in use; stop what is using it or set PORT to another port`);
    }
    const secret = readOrCreateSecret(paths, config.authSecret);
    const database = await resolveDatabase(config, paths, { log, startEmbedded: true });
    if (database.embedded) cleanups.push(() => database.embedded!.stop());
    await migrateAll(database.url, log);

    const runtime = createRuntime({
      databaseUrl: database.url,
      secret,
      baseUrl: config.baseUrl,
      dataDir: paths.root,
      storage: config.storage,
      curationRoots: config.curationRoots,
      curationBuckets: config.curationBuckets,
    });
    cleanups.push(() => runtime.db.$disconnect());
    const admin = await ensureAdmin(runtime.db, { email: config.adminEmail, password: config.adminPassword });
    if (admin) {
      log(`created the administrator ${admin.user.email}`);
      if (admin.generatedPassword) log(`  password (shown once): ${admin.generatedPassword}`);
    }
    if (config.demo && (await runtime.db.project.count()) === 0) {
      const owner = await runtime.db.user.findFirst({
        where: { isAdmin: true },
        orderBy: { createdAt: "asc" },
      });
      if (owner) {
        log("seeding the demo project (procedurally rendered images)…");
        const bar = progressBar("rendering demo images");
        await seedDemoProject(runtime.db, runtime.storage, {
          ownerUserId: owner.id,
          onProgress: bar.update,
          corpusDir: path.join(config.curationRoots[0]!, "demo-corpus"),
          onWarning: log,
        });
        bar.stop();
      }
    }

    // The web app reads its configuration from the environment, like every process does.
    Object.assign(process.env, {
      DATABASE_URL: database.url,
      LOUPE_AUTH_SECRET: secret,
      LOUPE_DATA_DIR: paths.root,
      LOUPE_BASE_URL: config.baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
    });
    const { default: next } = await import("next");
    const app = next({ dev: false, dir: webDir, hostname: config.host, port: config.port, quiet: false });
    await app.prepare();
    const handle = app.getRequestHandler();
    // The API is answered without Next's request pipeline (see packages/api/src/trpc-http.ts).
    const trpc = createTrpcNodeHandler(runtime);
    const server = http.createServer((req, res) =>
      req.url?.startsWith(TRPC_BASE_PATH) ? trpc(req, res) : void handle(req, res),
    );
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(config.port, config.host, () => resolve());
    });
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        }),
    );
    cleanups.push(() => app.close?.());

    if (opts.worker) {
      const worker = await startWorker({
        databaseUrl: database.url,
        dataDir: paths.root,
        concurrency: config.workerConcurrency,
        log,
        secret,
        gpuSlots: config.gpuSlots,
        // The web server's storage object: one S3 client (or folder) for both.
        storage: runtime.storage,
      });
      cleanups.push(() => worker.stop());
    }

    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    log(
      `Loupe is ready at ${config.baseUrl} (started in ${seconds} s${opts.worker ? ", with a worker" : ""})`,
    );
  } catch (err) {
    await shutdown();
    throw err;
  }

  await new Promise<void>((resolve) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      log(`\n${signal}: stopping web, worker and database…`);
      void shutdown().then(resolve);
    };
    process.once("SIGINT", onSignal);
    process.once("SIGTERM", onSignal);
  });
  log("stopped cleanly");
}
