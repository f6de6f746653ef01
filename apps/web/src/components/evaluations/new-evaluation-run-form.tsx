"use client";

import { useRouter } from "next/navigation";
import { NewEvaluationForm } from "./new-evaluation-form";

/** The Metrics page's form: a new run opens its own page. */
export function NewEvaluationRunForm({ projectSlug }: { projectSlug: string }) {
  const router = useRouter();
  return (
    <NewEvaluationForm
      projectSlug={projectSlug}
      onCreated={(runId) => router.push(`/p/${encodeURIComponent(projectSlug)}/evaluations/${runId}`)}
    />
  );
}
