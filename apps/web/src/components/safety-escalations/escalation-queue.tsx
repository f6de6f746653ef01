"use client";

/**
 * The senior reviewer's queue: every escalated item still open, oldest first, each decided
 * with a reason. A decision is final; the item then leaves the list. The same wellbeing
 * controls as the reviewer's page apply (grayscale, exposure count, break prompt).
 */
import { useState } from "react";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { EmptyState } from "../empty-state";
import { ErrorMessage } from "../error-message";
import { BreakDialog } from "../safety-review/break-dialog";
import type { Policy } from "../safety-review/types";
import { useExposures } from "../safety-review/use-exposures";
import { useGrayscale } from "../safety-review/use-grayscale";
import { WellbeingControls } from "../safety-review/wellbeing-controls";
import { linkClass } from "../styles";
import { EscalatedItem } from "./escalated-item";
import { refreshQueries } from "@/lib/refresh-queries";

export function EscalationQueue({
  studyId,
  policy,
  breakAfterExposures,
}: {
  studyId: string;
  policy: Policy;
  breakAfterExposures: number | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const queue = useQuery(trpc.safety.escalations.queryOptions({ studyId }));
  const [grayscale, toggleGrayscale] = useGrayscale();
  const exposures = useExposures(studyId, breakAfterExposures);
  const [status, setStatus] = useState<string | null>(null);

  const decided = async () => {
    setStatus("Decision recorded");
    await refreshQueries(queryClient, { queryKey: trpc.safety.escalations.queryKey({ studyId }) });
  };

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <span className="font-semibold">Loupe · Senior review</span>
        <Link href={`/review/${encodeURIComponent(studyId)}`} className={`${linkClass} text-sm`}>
          Review items
        </Link>
        <div className="ml-auto">
          <WellbeingControls
            grayscale={grayscale}
            onToggleGrayscale={toggleGrayscale}
            exposures={exposures.count}
            shortcut={false}
          />
        </div>
      </header>
      <main className="mx-auto w-full max-w-[1400px] flex-1 space-y-4 px-4 py-4">
        <div>
          <h1 className="text-xl font-semibold">Escalations</h1>
          {queue.data ? (
            <p data-testid="escalation-counts" className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
              {queue.data.items.length} open · {queue.data.resolved} already resolved
            </p>
          ) : null}
        </div>
        <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-300">
          {status}
        </p>
        {queue.isPending ? <p className="text-sm text-zinc-500">Loading escalations…</p> : null}
        {queue.isError ? <ErrorMessage>{queue.error.message}</ErrorMessage> : null}
        {queue.data?.items.length === 0 ? (
          <EmptyState title="No open escalations">
            <p>
              Items come here when their reviewers disagree or one review reaches the escalation severity.
              Your decision on them is final.
            </p>
          </EmptyState>
        ) : null}
        {queue.data?.items.map((item) => (
          <EscalatedItem
            key={item.taskId}
            studyId={studyId}
            item={item}
            policy={policy}
            grayscale={grayscale}
            onRevealed={exposures.record}
            onDecided={() => void decided()}
          />
        ))}
      </main>
      {exposures.breakDue ? (
        <BreakDialog exposures={exposures.count} onContinue={exposures.dismissBreak} />
      ) : null}
    </div>
  );
}
