"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { ResultsView } from "./results-view";

/** What a share link shows: the study's name and its results, refreshed while they update. */
export function SharedResults({ token }: { token: string }) {
  const trpc = useTRPC();
  const read = useQuery(
    trpc.results.shared.queryOptions(
      { token },
      { retry: false, refetchInterval: (q) => (q.state.data?.status === "current" ? 30_000 : 5_000) },
    ),
  );
  if (read.isPending) return <p className="text-sm text-zinc-500">Loading…</p>;
  if (read.isError) return <ErrorMessage>{read.error.message}</ErrorMessage>;
  return (
    <>
      <p className="text-sm text-zinc-500">Shared results · read-only</p>
      <h1 className="mb-6 text-2xl font-semibold">{read.data.study.name}</h1>
      <ResultsView read={read.data} showRaters={false} fileStem="shared" />
    </>
  );
}
