import type { Metadata } from "next";
import Link from "next/link";
import { TRPCError } from "@trpc/server";
import { EscalationQueue } from "@/components/safety-escalations/escalation-queue";
import { ReviewRefusal } from "@/components/safety-review/review-refusal";
import { linkClass } from "@/components/styles";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Escalations" };
export const dynamic = "force-dynamic";

/**
 * The senior reviewers' queue of escalated items. `safety.session` gives the policy (to name
 * labels) and whether the caller is a senior; the queue itself is loaded by the client. Blind like
 * the reviewer's page: reviewers are numbered and no model is named.
 */
export default async function EscalationsPage({ params }: { params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const { caller } = await serverCaller();
  let session;
  try {
    session = await caller.safety.session({ studyId });
  } catch (err) {
    if (err instanceof TRPCError && (err.code === "UNAUTHORIZED" || err.code === "NOT_FOUND"))
      return <ReviewRefusal reason={err.code} />;
    throw err;
  }
  if (!session.senior)
    return (
      <main className="mx-auto max-w-lg px-6 py-24 text-center">
        <h1 className="text-xl font-semibold">Escalations</h1>
        <p className="mt-3 text-zinc-600 dark:text-zinc-400">
          Only the study&apos;s senior reviewers decide escalated items.
        </p>
        <p className="mt-3">
          <Link href={`/review/${encodeURIComponent(studyId)}`} className={linkClass}>
            Review items
          </Link>
        </p>
      </main>
    );
  return (
    <EscalationQueue
      studyId={studyId}
      policy={session.policy}
      breakAfterExposures={session.breakAfterExposures}
    />
  );
}
