"use client";

import { PromptPanel } from "../prompt-panel";
import { ReviewMedia } from "../safety-review/review-media";
import type { EscalatedItem as Item, Policy } from "../safety-review/types";
import { useReveal } from "../safety-review/use-reveal";
import { DecisionForm } from "./decision-form";
import { describeMajority, REASON_WORDS } from "./escalation-reasons";
import { EscalationReviews } from "./escalation-reviews";

/**
 * One item waiting for a senior: why it is here, what the reviews say, the media (blurred until
 * revealed, through the same logged reveal as the reviewer's page) and the decision form.
 */
export function EscalatedItem({
  studyId,
  item,
  policy,
  grayscale,
  onRevealed,
  onDecided,
}: {
  studyId: string;
  item: Item;
  policy: Policy;
  grayscale: boolean;
  onRevealed: () => void;
  onDecided: () => void;
}) {
  // Keyed by the item: a refetch signs a new token, and a revealed item must stay revealed.
  const reveal = useReveal(studyId, item.revealToken, onRevealed, item.taskId);
  return (
    <article
      aria-label="Escalated item"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div className="flex flex-wrap gap-1.5">
        {item.reasons.map((r) => (
          <span
            key={r}
            className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          >
            {REASON_WORDS[r]}
          </span>
        ))}
      </div>
      <PromptPanel prompt={item.prompt} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(20rem,2fr)]">
        <ReviewMedia
          kind={item.kind}
          previewUrl={item.previewUrl}
          reveal={reveal}
          grayscale={grayscale}
          shortcut={false}
        />
        <div className="space-y-3">
          <p className="text-sm">
            <span className="font-semibold">Majority so far:</span> {describeMajority(policy, item.majority)}
          </p>
          <EscalationReviews policy={policy} reviews={item.reviews} />
          <DecisionForm studyId={studyId} taskId={item.taskId} policy={policy} onDecided={onDecided} />
        </div>
      </div>
    </article>
  );
}
