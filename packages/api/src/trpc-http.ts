/**
 * The tRPC API over plain Node HTTP, for `loupe start`'s own server. Next.js serves the same
 * router at /api/trpc (apps/web/src/app/api/trpc), but its request pipeline costs about as much
 * CPU as the procedures themselves on the rating hot path (docs/benchmarks.md), so the production
 * server answers /api/trpc/* here and hands every other path to Next. Same router, same context,
 * same errors: a request cannot tell which of the two answered it.
 */
import type http from "node:http";
import { createHTTPHandler } from "@trpc/server/adapters/standalone";
import { createContext } from "./context";
import { appRouter } from "./router";
import type { Runtime } from "./runtime";

export const TRPC_BASE_PATH = "/api/trpc/";

/** Logs what the caller cannot be told: the cause of an internal error. */
export function logTrpcError({ error, path }: { error: { code: string; cause?: unknown }; path?: string }) {
  if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"}:`, error.cause ?? error);
}

function toHeaders(incoming: http.IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

export function createTrpcNodeHandler(runtime: Runtime): http.RequestListener {
  return createHTTPHandler({
    basePath: TRPC_BASE_PATH,
    router: appRouter,
    createContext: ({ req }) => createContext(runtime, toHeaders(req.headers)),
    onError: logTrpcError,
  });
}
