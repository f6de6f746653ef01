"use client";

/**
 * The safety reviewer's workspace, built for hours with harmful content: media arrive blurred and
 * are revealed on purpose (each reveal logged by the server and counted here), grayscale is one
 * key away, a break prompt interrupts every so many exposures, and every action has a key shown
 * on screen. Submissions carry an idempotency key reused on network retries; the last review can
 * be undone for 10 seconds. Blind: it shows only what the `safety` API returns.
 */
import { useEffect, useRef, useState } from "react";
import { useShortcuts } from "@/lib/use-shortcuts";
import { Dialog } from "../dialog";
import { ErrorMessage } from "../error-message";
import { PromptPanel } from "../prompt-panel";
import { SkipReasonDialog } from "../skip-reason-dialog";
import { BreakDialog } from "./break-dialog";
import { ReviewActions } from "./review-actions";
import { ReviewAnswerPanel } from "./review-answer-panel";
import {
  answerAttribute,
  chooseSeverity,
  clearLabels,
  draftAnswers,
  draftFrom,
  draftProblem,
  EMPTY_DRAFT,
  labellingProblem,
  toggleLabel,
  UNSURE,
} from "./review-form";
import { ReviewHeader } from "./review-header";
import { ReviewHelp, ReviewInstructions } from "./review-instructions";
import { reviewKeyAction, type KeyAction } from "./review-keys";
import { ReviewMedia } from "./review-media";
import { ReviewStatus } from "./review-status";
import { useExposures } from "./use-exposures";
import { useGrayscale } from "./use-grayscale";
import { useReveal } from "./use-reveal";
import { UNDO_SECONDS, useReviewQueue } from "./use-review-queue";
import { WellbeingControls } from "./wellbeing-controls";
import type { ReviewItem, ReviewSession } from "./types";

export function ReviewApp({ studyId, session }: { studyId: string; session: ReviewSession }) {
  const { policy } = session;
  const [draft, setDraft] = useState(EMPTY_DRAFT);
  const [representationIndex, setRepresentationIndex] = useState<number | null>(null);
  const [guidanceId, setGuidanceId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [skipOpen, setSkipOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const noteField = useRef<HTMLTextAreaElement>(null);
  const player = useRef<HTMLMediaElement | null>(null);

  const [grayscale, toggleGrayscale] = useGrayscale();
  const exposures = useExposures(studyId, session.breakAfterExposures);
  // Called when an item goes on screen (`reveal` is read then, after this render has defined it).
  const queue = useReviewQueue(studyId, session, (shown: ReviewItem) => {
    setDraft(draftFrom(shown.previous));
    setRepresentationIndex(null);
    // Without blur the media shows at once, still fetched through the logged reveal.
    if (!session.blurByDefault) void reveal.reveal(shown.revealToken);
  });
  const { item, phase, progress } = queue;
  const reveal = useReveal(studyId, item?.revealToken ?? "", exposures.record);
  const attributes = item?.audited && session.representation ? session.representation.attributes : [];

  const undoLeft = queue.lastReview
    ? Math.max(0, UNDO_SECONDS - Math.floor((now - queue.lastReview.at) / 1000))
    : 0;
  // A clock for the undo countdown, only while there is something to undo.
  useEffect(() => {
    if (!queue.lastReview) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [queue.lastReview]);

  function toggleCategory(id: string) {
    setDraft((d) => toggleLabel(d, id, policy.categories));
    setGuidanceId(id);
  }

  function setSeverity(id: string) {
    if (draft.labels.length === 0)
      return queue.setNotice({ tone: "info", text: "Choose a category before its severity." });
    setDraft((d) => chooseSeverity(d, id));
  }

  function answer(attributeId: string, value: string) {
    setDraft((d) => answerAttribute(d, attributeId, value));
  }

  function submit() {
    const problem = draftProblem(draft, attributes);
    if (problem) {
      queue.setNotice({ tone: "error", text: problem });
      // A missing representation answer: put the keys on that question.
      const open = attributes.findIndex((a) => draft.representation[a.id] === undefined);
      if (!labellingProblem(draft) && open !== -1) setRepresentationIndex(open);
      return;
    }
    void queue.submit(draftAnswers(draft, attributes));
  }

  function act(action: KeyAction) {
    switch (action.type) {
      case "dismiss-break":
        return exposures.dismissBreak();
      case "toggle-help":
        return setHelpOpen((h) => !h);
      case "close":
        setHelpOpen(false);
        setSkipOpen(false);
        return setRepresentationIndex(null);
      case "start":
        return void queue.start();
      case "undo":
        return void queue.undo();
      case "open-skip":
        return setSkipOpen(true);
      case "skip":
        setSkipOpen(false);
        return void queue.skip(action.reason);
      case "toggle-category":
        return toggleCategory(policy.categories[action.index]!.id);
      case "severity":
        return setSeverity(policy.severities[action.index]!.id);
      case "no-violation":
        return setDraft(clearLabels);
      case "focus-note":
        return noteField.current?.focus();
      case "enter-representation":
        return setRepresentationIndex(0);
      case "answer-attribute": {
        const attribute = attributes[action.attribute]!;
        answer(attribute.id, attribute.values[action.value] ?? UNSURE);
        const next = action.attribute + 1;
        return setRepresentationIndex(next < attributes.length ? next : null);
      }
      case "submit":
        return submit();
      case "reveal":
        return void reveal.reveal();
      case "play": {
        const media = player.current;
        if (media) void (media.paused ? media.play().catch(() => undefined) : media.pause());
        return;
      }
      case "grayscale":
        return toggleGrayscale();
    }
  }

  const keysReady = useShortcuts((event) => {
    const action = reviewKeyAction(event.key, {
      phase,
      hasItem: item !== null,
      overlay: exposures.breakDue ? "break" : helpOpen ? "help" : skipOpen ? "skip" : null,
      representationIndex,
      attributeValueCounts: attributes.map((a) => a.values.length),
      categoryCount: policy.categories.length,
      severityCount: policy.severities.length,
      revealed: reveal.media !== null,
    });
    if (!action) return;
    event.preventDefault();
    // A held key would toggle a label on and off or submit twice: only the first press counts.
    if (!event.repeat) act(action);
  });

  const guidance = policy.categories.find((c) => c.id === guidanceId) ?? null;

  return (
    <div className="flex min-h-screen flex-col">
      <ReviewHeader
        progress={progress}
        onHelp={() => setHelpOpen((h) => !h)}
        escalationsHref={session.senior ? `/review/${encodeURIComponent(studyId)}/escalations` : null}
        controls={
          <WellbeingControls
            grayscale={grayscale}
            onToggleGrayscale={toggleGrayscale}
            exposures={exposures.count}
          />
        }
      />

      <main className="flex-1 px-4 py-3" data-keys-ready={keysReady}>
        {phase === "instructions" ? (
          <ReviewInstructions instructions={session.instructions} onStart={() => void queue.start()} />
        ) : null}

        {phase === "paused" || phase === "done" || phase === "waiting" ? (
          <ReviewStatus
            phase={phase}
            reviewed={progress.done}
            undoLeft={undoLeft}
            onRetry={() => void queue.retry()}
            onUndo={() => void queue.undo()}
          />
        ) : null}

        {phase === "reviewing" && item ? (
          <div className="mx-auto flex max-w-[1600px] flex-col gap-3">
            <PromptPanel prompt={item.prompt} />
            <div className="grid gap-4 lg:grid-cols-[minmax(0,3fr)_minmax(20rem,2fr)]">
              <ReviewMedia
                kind={item.media.kind}
                previewUrl={item.media.previewUrl}
                reveal={reveal}
                grayscale={grayscale}
                player={player}
              />
              <ReviewAnswerPanel
                policy={policy}
                draft={draft}
                attributes={attributes}
                representationIndex={representationIndex}
                guidance={guidance}
                noteField={noteField}
                onToggle={toggleCategory}
                onShowGuidance={setGuidanceId}
                onSeverity={setSeverity}
                onNoViolation={() => setDraft(clearLabels)}
                onAnswer={answer}
                onNote={(note) => setDraft((d) => ({ ...d, note }))}
              />
            </div>
            <ReviewActions
              busy={queue.busy}
              undoLeft={undoLeft}
              audited={attributes.length > 0}
              onSubmit={submit}
              onSkip={() => setSkipOpen(true)}
              onUndo={() => void queue.undo()}
            />
          </div>
        ) : null}

        <div className="mx-auto mt-2 max-w-[1600px]">
          {queue.notice?.tone === "error" ? (
            <ErrorMessage>{queue.notice.text}</ErrorMessage>
          ) : (
            <p role="status" className="text-sm text-amber-700 dark:text-amber-300">
              {queue.notice?.text}
            </p>
          )}
        </div>
      </main>

      {skipOpen ? (
        <SkipReasonDialog
          title="Why skip this item?"
          onSkip={(reason) => act({ type: "skip", reason })}
          onClose={() => setSkipOpen(false)}
        />
      ) : null}

      {helpOpen ? (
        <Dialog title="Shortcuts and instructions" onClose={() => setHelpOpen(false)}>
          <ReviewHelp instructions={session.instructions} />
        </Dialog>
      ) : null}

      {exposures.breakDue ? (
        <BreakDialog exposures={exposures.count} onContinue={exposures.dismissBreak} />
      ) : null}
    </div>
  );
}
