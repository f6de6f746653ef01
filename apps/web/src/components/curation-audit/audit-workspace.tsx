"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { useShortcuts } from "@/lib/use-shortcuts";
import { ErrorMessage } from "../error-message";
import { ShortcutTable } from "../shortcut-table";
import { buttonClass, cardClass, hintClass, linkClass, secondaryButtonClass } from "../styles";
import { AUDIT_SHORTCUTS, auditKeyAction } from "./audit-keys";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@loupe/api";
import { refreshQueries } from "@/lib/refresh-queries";

type AuditItem = NonNullable<inferRouterOutputs<AppRouter>["curationAudits"]["next"]["item"]>;
type Verdict = "drop" | "keep" | "unsure";

const VERDICT_LABEL: Record<Verdict, string> = { drop: "Drop it", keep: "Keep it", unsure: "Unsure" };

/**
 * Answering a filter audit: one item at a time, "should this have been dropped?", by button or
 * key. Blind: the page shows the media only — not the file, the filter, its reason or whether the
 * item was kept. "Back" brings the last answered item again, to change the answer.
 */
export function AuditWorkspace({ projectSlug, auditId }: { projectSlug: string; auditId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const title = useQuery(trpc.curationAudits.title.queryOptions({ projectSlug, auditId }));
  const next = useQuery(trpc.curationAudits.next.queryOptions({ projectSlug, auditId }));
  const [answered, setAnswered] = useState<string[]>([]);
  const [revisitId, setRevisitId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const revisit = useQuery({
    ...trpc.curationAudits.answered.queryOptions({ projectSlug, auditId, itemId: revisitId ?? "" }),
    enabled: revisitId !== null,
  });
  const answer = useMutation(
    trpc.curationAudits.answer.mutationOptions({
      onSuccess: async (_, vars) => {
        setAnswered((a) => [...a.filter((id) => id !== vars.itemId), vars.itemId]);
        setRevisitId(null);
        await refreshQueries(queryClient, {
          queryKey: trpc.curationAudits.next.queryKey({ projectSlug, auditId }),
        });
      },
    }),
  );

  const item: AuditItem | null = revisitId ? (revisit.data?.item ?? null) : (next.data?.item ?? null);
  const previousVerdict = revisitId ? (revisit.data?.verdict ?? null) : null;

  function give(verdict: Verdict) {
    if (!item || answer.isPending) return;
    answer.mutate({ projectSlug, auditId, itemId: item.id, verdict });
  }
  function back() {
    const last = answered.filter((id) => id !== revisitId).at(-1);
    if (last) setRevisitId(last);
  }

  const keysReady = useShortcuts((event) => {
    const action = auditKeyAction(event.key);
    if (!action || event.repeat) return;
    event.preventDefault();
    if (action === "help") setHelpOpen((h) => !h);
    else if (action === "back") back();
    else give(action);
  });

  if (next.isError) return <ErrorMessage>{next.error.message}</ErrorMessage>;
  const progress = next.data?.progress;

  return (
    <div className="space-y-4" data-keys-ready={keysReady}>
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-lg font-semibold">Filter audit{title.data ? `: ${title.data.runName}` : ""}</h1>
        {progress ? (
          <p className="text-sm text-zinc-600 tabular-nums dark:text-zinc-400" aria-label="Audit progress">
            You answered {progress.answeredByMe} · {progress.items} items in this audit
          </p>
        ) : null}
      </header>
      <p className="text-base font-medium">Should this have been dropped from the training set?</p>
      {next.isPending ? <p className={hintClass}>Loading…</p> : null}
      {!next.isPending && !item ? (
        <section className={`${cardClass} p-5`}>
          <h2 className="font-semibold">Nothing left for you to answer here</h2>
          <p className="mt-1 text-sm">Thank you. Every item has the answers it needs, or yours.</p>
          {answered.length > 0 ? (
            <button type="button" className={`${secondaryButtonClass} mt-3`} onClick={back}>
              Back to your last answer (b)
            </button>
          ) : null}
          <Link href={`/p/${encodeURIComponent(projectSlug)}`} className={`${linkClass} mt-3 block text-sm`}>
            ← Back to the project
          </Link>
        </section>
      ) : null}
      {item ? (
        <section aria-label="Item to audit" className="space-y-3">
          {revisitId ? (
            <p className={hintClass}>
              You answered this item:{" "}
              <strong>{previousVerdict ? VERDICT_LABEL[previousVerdict] : "…"}</strong>. Answer again to
              change it.
            </p>
          ) : null}
          <div className={`grid gap-3 ${item.pairedMediaUrl ? "md:grid-cols-2" : ""}`}>
            <figure className={`${cardClass} p-2`}>
              <AuditMedia item={item} url={item.mediaUrl} label="Item to audit" />
              {item.pairedMediaUrl ? <figcaption className={hintClass}>This item</figcaption> : null}
            </figure>
            {item.pairedMediaUrl ? (
              <figure className={`${cardClass} p-2`}>
                <AuditMedia item={item} url={item.pairedMediaUrl} label="Item kept in the set" />
                <figcaption className={hintClass}>
                  An item kept in the set, which the filters found similar
                </figcaption>
              </figure>
            ) : null}
          </div>
          <div className="flex flex-wrap gap-2">
            {(["drop", "keep", "unsure"] as const).map((verdict) => (
              <button
                key={verdict}
                type="button"
                className={verdict === "unsure" ? secondaryButtonClass : buttonClass}
                disabled={answer.isPending}
                onClick={() => give(verdict)}
              >
                {VERDICT_LABEL[verdict]} ({verdict[0]})
              </button>
            ))}
            {answered.length > 0 ? (
              <button type="button" className={secondaryButtonClass} onClick={back}>
                Back (b)
              </button>
            ) : null}
          </div>
          <ErrorMessage>{answer.error?.message ?? revisit.error?.message}</ErrorMessage>
        </section>
      ) : null}
      <button type="button" className={`${linkClass} text-sm`} onClick={() => setHelpOpen((h) => !h)}>
        Keyboard shortcuts (?)
      </button>
      {helpOpen ? <ShortcutTable shortcuts={AUDIT_SHORTCUTS} /> : null}
    </div>
  );
}

function AuditMedia({ item, url, label }: { item: AuditItem; url: string; label: string }) {
  if (item.kind === "video")
    return (
      <video
        src={url}
        poster={url === item.mediaUrl ? (item.posterUrl ?? undefined) : undefined}
        aria-label={label}
        controls
        autoPlay
        muted
        loop
        playsInline
        className="max-h-[70vh] w-full bg-black object-contain"
      />
    );
  return <img src={url} alt={label} className="max-h-[70vh] w-full object-contain" />;
}
