"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, cardClass, hintClass, inputClass, labelClass, linkClass } from "../styles";
import { formatAgreement, formatCount } from "./format-curation";
import { curationAuditHref } from "./hrefs";
import type { CurationAudit, FunnelStep } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

/**
 * The human audit of a finished run's filters: start one (how many items per group, how many
 * answers each), follow its answers, and read what it found per group. Members answer at the
 * audit's own page, blind to what the filters decided; the funnel table shows the latest findings.
 */
export function AuditPanel({
  projectSlug,
  runId,
  audits,
  funnel,
}: {
  projectSlug: string;
  runId: string;
  audits: CurationAudit[];
  funnel: FunnelStep[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [itemsPerGroup, setItemsPerGroup] = useState("20");
  const [answersPerItem, setAnswersPerItem] = useState("1");
  const create = useMutation(
    trpc.curationAudits.create.mutationOptions({
      onSuccess: () =>
        refreshQueries(queryClient, {
          queryKey: trpc.curationAudits.list.queryKey({ projectSlug, runId }),
        }),
    }),
  );
  const labelOf = (group: string) =>
    group === "kept" ? "Kept set" : (funnel.find((s) => s.stage === group)?.label ?? group);
  // Findings in funnel order, the kept set last.
  const orderOf = (group: string) => {
    const i = funnel.findIndex((s) => s.stage === group);
    return i === -1 ? funnel.length : i;
  };

  function submit(e: React.FormEvent) {
    e.preventDefault();
    create.mutate({
      projectSlug,
      runId,
      itemsPerGroup: Number(itemsPerGroup),
      answersPerItem: Number(answersPerItem),
    });
  }

  return (
    <section aria-labelledby="audit" className={`${cardClass} space-y-4 p-4`}>
      <h2 id="audit" className="text-base font-semibold">
        Human audit of the filters
      </h2>
      <p className={hintClass}>
        A random sample of what each stage dropped, and of the kept set, is shown to project members, who
        answer &ldquo;should this have been dropped?&rdquo; without seeing which filter decided. Each
        filter&rsquo;s precision is the share of its drops they would drop too; the kept set&rsquo;s miss rate
        is the share of kept items they would have dropped.
      </p>
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3">
        <NumberField
          id="audit-items"
          label="Items per group"
          max={500}
          value={itemsPerGroup}
          onChange={setItemsPerGroup}
        />
        <NumberField
          id="audit-answers"
          label="Answers per item"
          max={5}
          value={answersPerItem}
          onChange={setAnswersPerItem}
        />
        <button type="submit" className={buttonClass} disabled={create.isPending}>
          {create.isPending ? "Starting…" : "Start audit"}
        </button>
      </form>
      <ErrorMessage>{create.error?.message}</ErrorMessage>
      {audits.map((audit) => (
        <AuditFindings
          key={audit.id}
          audit={audit}
          projectSlug={projectSlug}
          labelOf={labelOf}
          orderOf={orderOf}
        />
      ))}
    </section>
  );
}

function AuditFindings({
  audit,
  projectSlug,
  labelOf,
  orderOf,
}: {
  audit: CurationAudit;
  projectSlug: string;
  labelOf: (group: string) => string;
  orderOf: (group: string) => number;
}) {
  const groups = [...audit.groups].sort((a, b) => orderOf(a.group) - orderOf(b.group));
  return (
    <article className="space-y-2 border-t border-zinc-200 pt-3 dark:border-zinc-800" data-testid="audit">
      <h3 className="text-sm font-semibold">
        Audit of {audit.createdAt.toLocaleString("en-US")} ·{" "}
        {audit.status === "preparing" ? (
          "preparing the sample…"
        ) : audit.status === "failed" ? (
          <span className="text-red-700 dark:text-red-400">failed: {audit.error}</span>
        ) : (
          <>
            {formatCount(audit.answers)} of {formatCount(audit.answersWanted)} answers ·{" "}
            <Link href={curationAuditHref(projectSlug, audit.id)} className={linkClass}>
              Answer
            </Link>
          </>
        )}
      </h3>
      {audit.unavailable > 0 ? (
        <p className={hintClass}>
          {audit.unavailable} sampled items could not be read any more and were left out.
        </p>
      ) : null}
      {audit.status === "open" ? (
        <ul className="text-sm">
          {groups.map((g) => (
            <li key={g.group}>
              <span className="font-medium">{labelOf(g.group)}</span> ({g.sampled} sampled):{" "}
              {formatAgreement(g)}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}

function NumberField(props: {
  id: string;
  label: string;
  max: number;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <div>
      <label htmlFor={props.id} className={labelClass}>
        {props.label}
      </label>
      <input
        id={props.id}
        type="number"
        min={1}
        max={props.max}
        className={`${inputClass} w-28`}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </div>
  );
}
