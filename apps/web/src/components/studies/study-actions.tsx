"use client";

import Link from "next/link";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, secondaryButtonClass } from "../styles";
import { LaunchReportView } from "./launch-report";
import type { LaunchReport, StudyDetail } from "./types";

type Status = StudyDetail["status"];
type Move = { to: Exclude<Status, "draft">; label: string };

/** The status changes the API allows from each status (packages/api/src/studies/service.ts). */
const MOVES: Record<Status, Move[]> = {
  draft: [{ to: "archived", label: "Archive" }],
  active: [
    { to: "paused", label: "Pause" },
    { to: "completed", label: "Complete" },
  ],
  paused: [
    { to: "active", label: "Resume" },
    { to: "completed", label: "Complete" },
  ],
  completed: [
    { to: "active", label: "Reopen" },
    { to: "archived", label: "Archive" },
  ],
  archived: [],
};

/**
 * Launch a draft, or pause, resume, complete and archive; the page reloads its data after each.
 * `canEditDesign: false` hides "Edit design" where the wizard does not apply (safety reviews).
 */
export function StudyActions({
  projectSlug,
  studyId,
  status,
  canEditDesign = true,
}: {
  projectSlug: string;
  studyId: string;
  status: Status;
  canEditDesign?: boolean;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const [report, setReport] = useState<LaunchReport | null>(null);
  const launch = useMutation(
    trpc.studies.launch.mutationOptions({
      onSuccess: (r) => {
        setReport(r);
        router.refresh();
      },
    }),
  );
  const setStatus = useMutation(
    trpc.studies.setStatus.mutationOptions({ onSuccess: () => router.refresh() }),
  );
  const pending = launch.isPending || setStatus.isPending;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap justify-end gap-2">
        {status === "draft" && canEditDesign ? (
          <Link
            href={`/p/${encodeURIComponent(projectSlug)}/studies/${encodeURIComponent(studyId)}/edit`}
            className={secondaryButtonClass}
          >
            Edit design
          </Link>
        ) : null}
        {status === "draft" ? (
          <button
            type="button"
            disabled={pending}
            onClick={() => launch.mutate({ projectSlug, studyId })}
            className={buttonClass}
          >
            {launch.isPending ? "Launching…" : "Launch"}
          </button>
        ) : null}
        {MOVES[status].map((m) => (
          <button
            key={m.to}
            type="button"
            disabled={pending}
            onClick={() => setStatus.mutate({ projectSlug, studyId, status: m.to })}
            className={secondaryButtonClass}
          >
            {m.label}
          </button>
        ))}
      </div>
      <ErrorMessage>{launch.error?.message ?? setStatus.error?.message}</ErrorMessage>
      <div aria-live="polite">{report ? <LaunchReportView report={report} /> : null}</div>
    </div>
  );
}
