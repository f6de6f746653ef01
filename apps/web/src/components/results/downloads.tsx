"use client";

import { RESULT_TABLES, resultTableRows, toCsv, type ResultTable } from "@loupe/api/results-tables";
import { secondaryButtonClass } from "../styles";
import type { Results } from "./types";

const TABLE_NAMES: Record<ResultTable, string> = {
  ratings: "Ratings",
  pairs: "Pairs",
  reliability: "Reliability",
  agreement: "Rater agreement",
  breakdowns: "Ratings by tag",
  "breakdown-pairs": "Pairs by tag",
  "breakdown-reliability": "Agreement by tag",
};

export function download(filename: string, type: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.click();
  URL.revokeObjectURL(url);
}

/** Every table as CSV, and the whole results document as JSON, built from what the page shows. */
export function ResultDownloads({
  results,
  fileStem,
  tables = RESULT_TABLES,
}: {
  results: Results;
  fileStem: string;
  tables?: readonly ResultTable[];
}) {
  return (
    <div className="flex flex-wrap items-center gap-2" data-testid="result-downloads">
      <span className="text-sm text-zinc-600 dark:text-zinc-400">Download:</span>
      {tables.map((t) => (
        <button
          key={t}
          type="button"
          className={secondaryButtonClass}
          onClick={() => download(`${fileStem}-${t}.csv`, "text/csv", toCsv(resultTableRows(results, t)))}
        >
          {TABLE_NAMES[t]} CSV
        </button>
      ))}
      <button
        type="button"
        className={secondaryButtonClass}
        onClick={() =>
          download(`${fileStem}-results.json`, "application/json", JSON.stringify(results, null, 2))
        }
      >
        All results JSON
      </button>
    </div>
  );
}
