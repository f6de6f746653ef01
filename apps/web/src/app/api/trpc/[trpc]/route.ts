import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter, createContext, logTrpcError } from "@loupe/api";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

// `loupe start` answers /api/trpc/* itself (packages/api/src/trpc-http.ts); this route serves
// the same router under `next dev` and any other way of running the Next app alone.
const handler = (req: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(getRuntime(), req.headers),
    onError: logTrpcError,
  });

export { handler as GET, handler as POST };
