"use client";

import { download } from "../results/downloads";
import { secondaryButtonClass } from "../styles";
import type { ReportRead } from "./types";

/** A file name from the study's name: characters that file systems refuse become "-". */
export function fileStem(name: string): string {
  // eslint-disable-next-line no-control-regex
  const stem = name.replace(/[\u0000-\u001f/\\:*?"<>|]+/g, "-").trim();
  return stem || "study";
}

/** The report's table as the server's CSV, and the whole report as JSON, saved in the browser. */
export function ReportDownloads({ read }: { read: ReportRead }) {
  const stem = `${fileStem(read.study.name)}-safety`;
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="safety-downloads">
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() => download(`${stem}.csv`, "text/csv", read.csv)}
      >
        Download CSV
      </button>
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() =>
          download(
            `${stem}.json`,
            "application/json",
            JSON.stringify({ study: read.study, report: read.report }, null, 2),
          )
        }
      >
        Download JSON
      </button>
    </div>
  );
}
