"use client";

/**
 * The rater's workspace, built for hours of work: every action has a key (shown on screen), the
 * next pair is fetched and its media preloaded while the current one is judged, a submission is
 * retried with the same idempotency key if the network fails, the last judgment can be undone for
 * 10 seconds, and optional break reminders interrupt long stretches.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { TRPCClientError } from "@trpc/client";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@loupe/api";
import { retryOnNetworkError } from "@/lib/network-retry";
import { useTRPCClient } from "@/lib/trpc";
import { Dialog } from "../dialog";
import { Markdown } from "../markdown";
import { PromptPanel } from "../prompt-panel";
import { ShortcutTable } from "../shortcut-table";
import { SkipReasonDialog } from "../skip-reason-dialog";
import { answerForKey, SHORTCUTS, SKIP_REASONS, type RaterAnswer, type SkipReason } from "./answer-options";
import { AnswerPanel } from "./answer-panel";
import { MediaPair, preloadMedia, type MediaPairHandle } from "./media-pair";

type Outputs = inferRouterOutputs<AppRouter>["rating"];
type Session = Outputs["session"];
type NextResult = Outputs["next"];
type Task = Extract<NextResult, { status: "task" }>["task"];
type Progress = Session["progress"];

const UNDO_SECONDS = 10;

export function RatingApp({ studyId, session }: { studyId: string; session: Session }) {
  const client = useTRPCClient();
  const [phase, setPhase] = useState<"instructions" | "rating" | "finished" | "paused">(
    session.status === "active" ? "instructions" : "paused",
  );
  const [task, setTask] = useState<Task | null>(null);
  const [answers, setAnswers] = useState<Record<string, RaterAnswer>>({});
  const [active, setActive] = useState(0);
  const [progress, setProgress] = useState<Progress>(session.progress);
  const [completionCode, setCompletionCode] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [skipOpen, setSkipOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [lastJudgment, setLastJudgment] = useState<{ id: string; at: number } | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const [breakDue, setBreakDue] = useState(false);
  // Set once the keyboard listener is attached (after hydration): tests and scripts wait for it.
  const [keysReady, setKeysReady] = useState(false);
  const stretchStart = useRef(Date.now());
  const shownAt = useRef(0);
  const prefetch = useRef<Promise<NextResult | null> | null>(null);
  const media = useRef<MediaPairHandle>(null);
  const axes = session.axes;

  const show = useCallback(
    (next: Task) => {
      setTask(next);
      const previous = next.previousAnswers ?? {};
      setAnswers(previous);
      const firstOpen = axes.findIndex((a) => previous[a.id] === undefined);
      setActive(firstOpen === -1 ? 0 : firstOpen);
      shownAt.current = performance.now();
      // Reserve and preload the next pair while this one is judged.
      prefetch.current = client.rating.next
        .mutate({ studyId, exclude: [next.assignmentId] })
        .then((r) => {
          if (r.status === "task")
            preloadMedia([r.task.left, r.task.right, ...r.task.references.map((x) => x.media)]);
          return r;
        })
        .catch(() => null);
    },
    [axes, client, studyId],
  );

  const handleResult = useCallback(
    (result: NextResult, opts: { prefetched?: boolean } = {}) => {
      // A prefetched result counted progress before the latest submission: keep the newer count.
      if (!opts.prefetched) setProgress(result.progress);
      if (result.status === "task") return show(result.task);
      setTask(null);
      if (result.status === "paused") setPhase("paused");
      else if (result.status === "done") {
        setCompletionCode(result.completionCode);
        setPhase("finished");
      }
    },
    [show],
  );

  const loadNext = useCallback(async () => {
    const pending = prefetch.current;
    prefetch.current = null;
    const prefetched = pending ? await pending : null;
    if (prefetched?.status === "task") return handleResult(prefetched, { prefetched: true });
    try {
      handleResult(await client.rating.next.mutate({ studyId }));
    } catch (err) {
      setNotice(err instanceof Error ? err.message : "Could not load the next pair.");
    }
  }, [client, handleResult, studyId]);

  const start = useCallback(async () => {
    setPhase("rating");
    stretchStart.current = Date.now();
    setBusy(true);
    await loadNext();
    setBusy(false);
  }, [loadNext]);

  const submit = useCallback(async () => {
    if (!task || busy) return;
    const missing = axes.findIndex((a) => a.required && answers[a.id] === undefined);
    if (missing !== -1) {
      setActive(missing);
      setNotice(`Answer “${axes[missing]!.label}” first.`);
      return;
    }
    setBusy(true);
    setNotice(null);
    const input = {
      studyId,
      assignmentId: task.assignmentId,
      idempotencyKey: crypto.randomUUID(),
      answers,
      durationMs: Math.round(performance.now() - shownAt.current),
    };
    try {
      // Same key on retry: if the first try did reach the server, it is not counted twice.
      const result = await retryOnNetworkError(() => client.rating.submit.mutate(input));
      setProgress(result.progress);
      setLastJudgment({ id: result.judgmentId, at: Date.now() });
      await loadNext();
    } catch (err) {
      setNotice(err instanceof Error ? err.message : "Could not save the judgment.");
      if (err instanceof TRPCClientError && err.data?.code === "CONFLICT") await loadNext();
    } finally {
      setBusy(false);
    }
  }, [answers, axes, busy, client, loadNext, studyId, task]);

  const undo = useCallback(async () => {
    if (!lastJudgment || Date.now() - lastJudgment.at > UNDO_SECONDS * 1000 || busy) return;
    setBusy(true);
    try {
      const result = await client.rating.undo.mutate({ studyId, judgmentId: lastJudgment.id });
      setLastJudgment(null);
      setProgress(result.progress);
      setPhase("rating");
      show(result.task);
      setNotice("Judgment undone: change your answers and submit again.");
    } catch (err) {
      setNotice(err instanceof Error ? err.message : "Could not undo.");
    } finally {
      setBusy(false);
    }
  }, [busy, client, lastJudgment, show, studyId]);

  const skip = useCallback(
    async (reason: SkipReason) => {
      if (!task) return;
      setSkipOpen(false);
      setBusy(true);
      try {
        await client.rating.skip.mutate({ studyId, assignmentId: task.assignmentId, reason });
        setNotice("Skipped.");
        await loadNext();
      } catch (err) {
        setNotice(err instanceof Error ? err.message : "Could not skip.");
      } finally {
        setBusy(false);
      }
    },
    [client, loadNext, studyId, task],
  );

  const answer = useCallback(
    (axisId: string, value: RaterAnswer) => {
      setAnswers((a) => ({ ...a, [axisId]: value }));
      setNotice(null);
      const index = axes.findIndex((a) => a.id === axisId);
      if (index < axes.length - 1) setActive(index + 1);
    },
    [axes],
  );

  // A clock for the undo countdown and the break reminder.
  useEffect(() => {
    const timer = setInterval(() => {
      setNow(Date.now());
      if (
        session.breakEveryMinutes &&
        phase === "rating" &&
        Date.now() - stretchStart.current > session.breakEveryMinutes * 60_000
      )
        setBreakDue(true);
    }, 1000);
    return () => clearInterval(timer);
  }, [phase, session.breakEveryMinutes]);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (target && ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName)) return;
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key;
      const handled = () => e.preventDefault();
      if (breakDue) {
        if (key === "Enter") {
          handled();
          stretchStart.current = Date.now();
          setBreakDue(false);
        }
        return;
      }
      if (key === "?") {
        handled();
        setHelpOpen((h) => !h);
        return;
      }
      if (key === "Escape") {
        setHelpOpen(false);
        setSkipOpen(false);
        return;
      }
      if (phase === "instructions") {
        if (key === "Enter") {
          handled();
          void start();
        }
        return;
      }
      if (phase !== "rating") {
        if (key.toLowerCase() === "u") void undo();
        return;
      }
      if (skipOpen) {
        const reason = SKIP_REASONS.find((r) => r.key === key);
        if (reason) {
          handled();
          void skip(reason.value);
        }
        return;
      }
      const axis = axes[active];
      const value = axis ? answerForKey(axis.scale, key) : undefined;
      if (axis && value !== undefined) {
        handled();
        answer(axis.id, value);
        return;
      }
      switch (key) {
        case "ArrowUp":
          handled();
          setActive((a) => Math.max(0, a - 1));
          break;
        case "ArrowDown":
          handled();
          setActive((a) => Math.min(axes.length - 1, a + 1));
          break;
        case "Enter":
          handled();
          void submit();
          break;
        case " ":
          handled();
          media.current?.togglePlay();
          break;
        case ",":
          media.current?.stepFrame(-1);
          break;
        case ".":
          media.current?.stepFrame(1);
          break;
        default:
          switch (key.toLowerCase()) {
            case "s":
              handled();
              setSkipOpen(true);
              break;
            case "u":
              handled();
              void undo();
              break;
            case "z":
              media.current?.toggleMagnifier();
              break;
            case "l":
              media.current?.toggleLoop();
              break;
          }
      }
    }
    window.addEventListener("keydown", onKey);
    setKeysReady(true);
    return () => window.removeEventListener("keydown", onKey);
  }, [active, answer, axes, breakDue, phase, skip, skipOpen, start, submit, undo]);

  const undoLeft = lastJudgment ? Math.max(0, UNDO_SECONDS - Math.floor((now - lastJudgment.at) / 1000)) : 0;
  const isVideo = task?.left.kind === "video" || task?.right.kind === "video";
  const pct = progress.total > 0 ? Math.min(100, (progress.done / progress.total) * 100) : 0;

  return (
    <div className="flex min-h-screen flex-col" data-keys-ready={keysReady}>
      <header className="flex items-center gap-4 border-b border-zinc-200 px-4 py-2 dark:border-zinc-800">
        <span className="font-semibold">Loupe · Rating</span>
        <div className="flex flex-1 items-center gap-2" aria-label="Progress">
          <div className="h-2 max-w-md flex-1 overflow-hidden rounded bg-zinc-200 dark:bg-zinc-800">
            <div className="h-full bg-indigo-600" style={{ width: `${pct}%` }} />
          </div>
          <span data-testid="progress" className="text-sm tabular-nums text-zinc-600 dark:text-zinc-400">
            {progress.done} of {progress.total}
          </span>
        </div>
        <button type="button" onClick={() => setHelpOpen((h) => !h)} className="text-sm underline">
          Shortcuts &amp; instructions <kbd>?</kbd>
        </button>
      </header>

      <main className="flex-1 px-4 py-3">
        {phase === "instructions" ? (
          <section className="mx-auto max-w-2xl py-8" aria-labelledby="instructions-title">
            <h1 id="instructions-title" className="text-xl font-semibold">
              Before you start
            </h1>
            <div className="mt-4">
              <Markdown>
                {session.instructions || "Compare the two outputs and answer each question."}
              </Markdown>
            </div>
            <ShortcutList video={session.mediaKind === "video"} />
            <button
              type="button"
              onClick={() => void start()}
              className="mt-6 rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500"
            >
              Start rating <kbd className="ml-1 text-indigo-200">Enter</kbd>
            </button>
          </section>
        ) : null}

        {phase === "paused" ? (
          <section className="mx-auto max-w-lg py-24 text-center">
            <h1 className="text-xl font-semibold">This study is paused</h1>
            <p className="mt-2 text-zinc-600 dark:text-zinc-400">
              Please come back later. Your progress is saved.
            </p>
          </section>
        ) : null}

        {phase === "finished" ? (
          <section className="mx-auto max-w-lg py-24 text-center" aria-live="polite">
            <h1 className="text-xl font-semibold">All done — thank you!</h1>
            <p className="mt-2 text-zinc-600 dark:text-zinc-400">You judged {progress.done} pairs.</p>
            {completionCode ? (
              <div className="mt-6">
                <p className="text-sm">Your completion code:</p>
                <p
                  data-testid="completion-code"
                  className="mt-1 font-mono text-2xl font-semibold tracking-widest"
                >
                  {completionCode}
                </p>
                <button
                  type="button"
                  onClick={() => void navigator.clipboard?.writeText(completionCode)}
                  className="mt-2 text-sm underline"
                >
                  Copy
                </button>
              </div>
            ) : null}
            {undoLeft > 0 ? (
              <p className="mt-4 text-sm">
                Changed your mind about the last one? <kbd>U</kbd> undoes it ({undoLeft} s).
              </p>
            ) : null}
          </section>
        ) : null}

        {phase === "rating" && task ? (
          <div className="mx-auto flex max-w-[1600px] flex-col gap-3">
            <PromptPanel prompt={task.prompt} />
            {task.references.length > 0 ? (
              <section aria-label="Reference media" className="flex flex-wrap gap-3">
                {task.references.map((r, i) => (
                  <figure key={i} className="text-center">
                    <img
                      src={r.media.url}
                      alt={`Reference: ${r.role}`}
                      className="h-32 rounded border object-contain"
                    />
                    <figcaption className="text-xs text-zinc-500">{r.role}</figcaption>
                  </figure>
                ))}
              </section>
            ) : null}
            <MediaPair key={task.assignmentId} left={task.left} right={task.right} handle={media} />
            <AnswerPanel
              axes={axes}
              answers={answers}
              active={active}
              onAnswer={answer}
              onFocusAxis={setActive}
            />
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="button"
                disabled={busy}
                onClick={() => void submit()}
                className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-500 disabled:opacity-60"
              >
                Submit <kbd className="ml-1 text-indigo-200">Enter</kbd>
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => setSkipOpen(true)}
                className="rounded-md border border-zinc-300 px-3 py-2 text-sm dark:border-zinc-700"
              >
                Skip <kbd className="text-zinc-500">S</kbd>
              </button>
              {undoLeft > 0 ? (
                <button
                  type="button"
                  onClick={() => void undo()}
                  className="text-sm underline"
                  data-testid="undo"
                >
                  Undo last judgment <kbd>U</kbd> ({undoLeft} s)
                </button>
              ) : null}
              <p className="ml-auto text-xs text-zinc-500">
                1–{axes.some((a) => a.scale === "five-point") ? 5 : 4} answer · ↑↓ question · Enter submit · S
                skip · U undo{isVideo ? " · Space play · , . frame · L loop" : " · Z magnifier"} · ? help
              </p>
            </div>
          </div>
        ) : null}

        <div
          aria-live="polite"
          className="mx-auto mt-2 max-w-[1600px] text-sm text-amber-700 dark:text-amber-300"
        >
          {notice}
        </div>
      </main>

      {skipOpen ? (
        <SkipReasonDialog
          title="Why skip this pair?"
          onSkip={(reason) => void skip(reason)}
          onClose={() => setSkipOpen(false)}
        />
      ) : null}

      {helpOpen ? (
        <Dialog title="Shortcuts and instructions" onClose={() => setHelpOpen(false)}>
          <ShortcutList video={session.mediaKind === "video" || isVideo} />
          {session.instructions ? (
            <div className="mt-4 border-t pt-3">
              <Markdown>{session.instructions}</Markdown>
            </div>
          ) : null}
        </Dialog>
      ) : null}

      {breakDue ? (
        <Dialog
          title="Time for a short break"
          onClose={() => {
            stretchStart.current = Date.now();
            setBreakDue(false);
          }}
        >
          <p className="text-sm">
            You have been rating for {session.breakEveryMinutes} minutes. Rest your eyes for a moment; press{" "}
            <kbd>Enter</kbd> when you are ready to continue.
          </p>
        </Dialog>
      ) : null}
    </div>
  );
}

function ShortcutList({ video }: { video: boolean }) {
  return <ShortcutTable shortcuts={SHORTCUTS.filter((s) => video || !s.video)} />;
}
