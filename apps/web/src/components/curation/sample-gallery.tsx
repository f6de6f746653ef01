"use client";

import { useState } from "react";
import { StatusBadge } from "../status-badge";
import { hintClass, inputClass, labelClass } from "../styles";
import { formatScore, headlineScores } from "./format-curation";
import type { CurationSummaryView, FunnelStep, Sample } from "./types";

/**
 * Galleries of what the run kept and of what each stage removed (a uniform random sample of each,
 * the same one every time), each item with its reason and scores.
 */
export function SampleGallery({
  samples,
  funnel,
  thresholdScores,
}: {
  samples: CurationSummaryView["samples"];
  funnel: FunnelStep[];
  /** The scores thresholds are set on, in run order: what the tiles show. */
  thresholdScores: readonly string[];
}) {
  const removedSteps = funnel.filter((s) => samples.removed[s.stage]?.length);
  const [view, setView] = useState("kept");
  const items = view === "kept" ? samples.kept : (samples.removed[view] ?? []);
  return (
    <section aria-labelledby="gallery" className="space-y-3">
      <h2 id="gallery" className="text-base font-semibold">
        Samples
      </h2>
      <div className="max-w-xs">
        <label htmlFor="gallery-view" className={labelClass}>
          Show
        </label>
        <select
          id="gallery-view"
          className={inputClass}
          value={view}
          onChange={(e) => setView(e.target.value)}
        >
          <option value="kept">Kept</option>
          {removedSteps.map((s) => (
            <option key={s.stage} value={s.stage}>
              Removed by {s.label}
            </option>
          ))}
        </select>
      </div>
      {items.length === 0 ? (
        <p className={hintClass}>Nothing here.</p>
      ) : (
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4" aria-label="Sample items">
          {items.map((item) => (
            <SampleTile key={item.itemId} item={item} thresholdScores={thresholdScores} />
          ))}
        </ul>
      )}
    </section>
  );
}

export function SampleTile({
  item,
  extra,
  thresholdScores,
}: {
  item: Sample;
  extra?: string;
  thresholdScores: readonly string[];
}) {
  const scores = headlineScores(item.scores, thresholdScores, item.stage);
  return (
    <li className="space-y-1 rounded-md border border-zinc-200 p-2 text-xs dark:border-zinc-800">
      {item.thumbnailUrl ? (
        <img
          src={item.thumbnailUrl}
          alt={item.source}
          className="aspect-square w-full rounded object-contain"
        />
      ) : (
        <div className="flex aspect-square w-full items-center justify-center rounded bg-zinc-100 text-zinc-500 dark:bg-zinc-800">
          no preview
        </div>
      )}
      <p className="truncate font-medium" title={item.source}>
        {item.source}
      </p>
      <p>
        <StatusBadge status={item.status} /> {extra}
      </p>
      {item.reason ? <p className="text-zinc-600 dark:text-zinc-400">{item.reason}</p> : null}
      {scores.length ? (
        <p className="text-zinc-500">{scores.map(([k, v]) => `${k} ${formatScore(v)}`).join(" · ")}</p>
      ) : null}
    </li>
  );
}
