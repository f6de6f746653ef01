import type { Metadata } from "next";
import { TRPCError } from "@trpc/server";
import { RatingApp } from "@/components/rating/rating-app";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Rating" };
export const dynamic = "force-dynamic";

/**
 * The rater's page. Blind: it receives only what `rating.session` returns (instructions,
 * questions, progress), never the study's name, models or ids beyond the study id in the URL.
 */
export default async function RatePage({ params }: { params: Promise<{ studyId: string }> }) {
  const { studyId } = await params;
  const { caller } = await serverCaller();
  try {
    const session = await caller.rating.session({ studyId });
    return <RatingApp studyId={studyId} session={session} />;
  } catch (err) {
    if (!(err instanceof TRPCError) || err.code !== "UNAUTHORIZED") throw err;
    return (
      <main className="mx-auto max-w-lg px-6 py-24 text-center">
        <h1 className="text-xl font-semibold">Open your invite link</h1>
        <p className="mt-3 text-zinc-600 dark:text-zinc-400">
          Your rating session was not found. Open the invite link you were given again, or sign in if you are
          a member of this project.
        </p>
      </main>
    );
  }
}
