import type { Metadata } from "next";
import { SharedResults } from "@/components/results/shared-results";

export const metadata: Metadata = { title: "Shared results", robots: { index: false } };
export const dynamic = "force-dynamic";

/** A study's leaderboard behind a revocable share link: read-only, no account, no rater details. */
export default async function SharedResultsPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="mx-auto max-w-6xl px-6 py-10">
      <SharedResults token={token} />
    </main>
  );
}
