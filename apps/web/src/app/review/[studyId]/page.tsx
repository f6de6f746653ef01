import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { ReviewApp } from "@/components/safety-review/review-app";
import { ReviewRefusal } from "@/components/safety-review/review-refusal";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Review" };
export const dynamic = "force-dynamic";

/**
 * The safety reviewer's page. Blind: it receives only what `safety.session` returns (instructions,
 * the policy, options, progress), never the study's name or models. A study the caller may not
 * review looks exactly like one that does not exist.
 */
export default async function ReviewPage({ params }: { params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const { caller } = await serverCaller();
  try {
    const session = await caller.safety.session({ studyId });
    return <ReviewApp studyId={studyId} session={session} />;
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "UNAUTHORIZED" || err.code === "NOT_FOUND"))
      return <ReviewRefusal reason={err.code} />;
    throw err;
  }
}
