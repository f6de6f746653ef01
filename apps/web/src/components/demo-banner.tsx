import { DemoBadge } from "./demo-badge";

/** Shown across every page of a demo project so nobody mistakes its images for real results. */
export function DemoBanner() {
  return (
    <div
      role="note"
      className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <DemoBadge />
      <p>
        This project holds procedurally generated images — not real model outputs. Use it to explore Loupe;
        create a project of your own for real evaluations.
      </p>
    </div>
  );
}
