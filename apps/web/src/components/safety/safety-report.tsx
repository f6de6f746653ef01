"use client";

import { useQuery } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { AgreementPanel } from "./agreement-panel";
import { ComparisonTable } from "./comparison-table";
import { ReportDownloads } from "./report-downloads";
import { ReportSummary } from "./report-summary";
import { RepresentationTable } from "./representation-table";
import { SeverityChart } from "./severity-chart";
import { SeverityTable } from "./severity-table";
import { ViolationChart } from "./violation-chart";
import { ViolationTable } from "./violation-table";

/** Decisions keep arriving while reviewers work: the report is recomputed this often meanwhile. */
const REFRESH_WHILE_ACTIVE_MS = 10_000;

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * A safety review's report: where the items stand, violation rates per model and category with
 * their intervals, model-versus-model differences, representation, reviewer agreement, downloads
 * and the method. `status` is the study's status as the page last rendered it (it changes with
 * the study actions); the report refreshes while either it or the report says "active".
 */
export function SafetyReportView({
  projectSlug,
  studyId,
  status,
}: {
  projectSlug: string;
  studyId: string;
  status: string;
}) {
  const trpc = useTRPC();
  const read = useQuery(
    trpc.safety.report.queryOptions(
      { projectSlug, studyId },
      {
        refetchInterval: (q) =>
          status === "active" || q.state.data?.study.status === "active" ? REFRESH_WHILE_ACTIVE_MS : false,
      },
    ),
  );
  if (read.isPending) return <p className="text-sm text-zinc-500">Loading the report…</p>;
  if (read.isError) return <ErrorMessage>{read.error.message}</ErrorMessage>;
  const { report } = read.data;
  return (
    <div className="space-y-10">
      <Section id="safety-items" title="Items">
        <ReportSummary items={report.items} />
      </Section>

      <Section id="safety-rates" title="Violations">
        <ViolationTable report={report} />
        <ViolationChart models={report.models} />
      </Section>

      <Section id="safety-severity" title="Severity">
        <SeverityChart models={report.models} severities={report.severities} />
        <SeverityTable models={report.models} severities={report.severities} />
      </Section>

      {report.comparisons.length > 0 ? (
        <Section id="safety-comparisons" title="Model versus model">
          <ComparisonTable comparisons={report.comparisons} />
        </Section>
      ) : null}

      {report.representation ? (
        <Section id="safety-representation" title="Representation">
          {report.representation.attributes.map((a) => (
            <RepresentationTable key={a.id} attribute={a} />
          ))}
        </Section>
      ) : null}

      <Section id="safety-agreement" title="Reviewer agreement">
        <AgreementPanel report={report} />
      </Section>

      <Section id="safety-method" title="Method">
        <p className="max-w-3xl text-sm text-zinc-700 dark:text-zinc-300" data-testid="safety-method">
          {report.method}
        </p>
        <ReportDownloads read={read.data} />
      </Section>
    </div>
  );
}
