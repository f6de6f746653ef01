import { TRPCClientError } from "@trpc/client";

/** The tRPC error a call fails with (its code and message); fails the test when the call succeeds. */
export async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (e instanceof TRPCClientError) return { code: (e.data as { code: string }).code, message: e.message };
    throw e;
  }
  throw new Error("expected the call to fail");
}
