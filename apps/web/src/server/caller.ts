import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { appRouter, createCallerFactory, createContext } from "@loupe/api";
import { getRuntime } from "./runtime";

const createCaller = createCallerFactory(appRouter);

/** Call tRPC procedures from a server component, as the signed-in user (same checks as HTTP). */
export async function serverCaller() {
  const ctx = await createContext(getRuntime(), await headers());
  return { caller: createCaller(ctx), user: ctx.user };
}

/** The signed-in user, or a redirect to the sign-in page. */
export async function requireUser() {
  const { caller, user } = await serverCaller();
  if (!user) redirect("/sign-in");
  return { caller, user };
}
