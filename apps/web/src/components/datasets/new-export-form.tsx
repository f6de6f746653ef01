"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { buttonClass, cardClass, inputClass, labelClass } from "../styles";
import { refreshQueries } from "@/lib/refresh-queries";

const FORMATS = [
  { id: "pick-a-pic", label: "Pick-a-Pic (Parquet)" },
  { id: "hpdv2", label: "HPDv2 (JSON)" },
  { id: "imagereward", label: "ImageReward (JSON rankings)" },
  { id: "dpo", label: "DPO / TRL (JSON lines)" },
  { id: "reward-difference", label: "Reward differences for PRDP (JSON lines)" },
] as const;
type Format = (typeof FORMATS)[number]["id"];

/**
 * A new export version: which pairwise studies, which layout, and the filters — every judgment or
 * per-item majorities, ties, flagged raters, gold and low-agreement items, the split by prompt,
 * hidden model names. Submitting records the version and a worker builds it.
 */
export function NewExportForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const studies = useQuery(trpc.studies.list.queryOptions({ projectSlug }));
  const [name, setName] = useState("");
  const [studyIds, setStudyIds] = useState<string[]>([]);
  const [format, setFormat] = useState<Format>("pick-a-pic");
  const [majority, setMajority] = useState(false);
  const [dropTies, setDropTies] = useState(false);
  const [keepFlagged, setKeepFlagged] = useState(false);
  const [keepGold, setKeepGold] = useState(false);
  const [minAgreement, setMinAgreement] = useState("0");
  const [split, setSplit] = useState("0.8, 0.1, 0.1");
  const [seed, setSeed] = useState("0");
  const [hideModelNames, setHideModelNames] = useState(false);
  const [license, setLicense] = useState("");
  const [images, setImages] = useState<"files" | "inline" | "webdataset">("files");
  const [rewardRun, setRewardRun] = useState("");
  const [rewardMetric, setRewardMetric] = useState("");
  const runs = useQuery({
    ...trpc.evaluations.list.queryOptions({ projectSlug }),
    enabled: format === "reward-difference",
  });
  const doneRuns = (runs.data ?? []).filter((r) => r.status === "done");
  const runMetrics = doneRuns.find((r) => r.id === rewardRun)?.metrics ?? [];
  const [problem, setProblem] = useState<string | null>(null);
  const create = useMutation(
    trpc.datasets.create.mutationOptions({
      onSuccess: async () => {
        await refreshQueries(queryClient, { queryKey: trpc.datasets.list.queryKey() });
      },
    }),
  );
  const pairwise = (studies.data ?? []).filter((s) => s.kind === "pairwise" && s.status !== "draft");

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fractions = split.split(",").map((x) => Number(x.trim()));
    const agreement = Number(minAgreement);
    if (!name.trim()) return setProblem("Name the dataset.");
    if (studyIds.length === 0) return setProblem("Choose at least one study.");
    if (fractions.length !== 3 || fractions.some((f) => !(f >= 0 && f <= 1)))
      return setProblem("The split is three fractions, such as 0.8, 0.1, 0.1.");
    if (!(agreement >= 0 && agreement <= 1)) return setProblem("Minimum agreement is a share from 0 to 1.");
    if (!/^\d+$/.test(seed.trim())) return setProblem("The seed is a whole number.");
    if (format === "reward-difference" && !(rewardRun && rewardMetric))
      return setProblem("Reward differences need an evaluation run and its reward metric.");
    setProblem(null);
    create.mutate({
      projectSlug,
      config: {
        name: name.trim(),
        studyIds,
        format,
        aggregation: majority ? "majority" : "every",
        ties: dropTies ? "drop" : "half",
        excludeFlaggedRaters: !keepFlagged,
        excludeGold: !keepGold,
        minAgreement: agreement,
        split: { train: fractions[0]!, validation: fractions[1]!, test: fractions[2]! },
        seed: Number(seed),
        hideModelNames,
        images: format === "pick-a-pic" ? images : "files",
        skipMissingMedia: false,
        license: license.trim(),
        ...(format === "reward-difference" ? { reward: { runId: rewardRun, metric: rewardMetric } } : {}),
      },
    });
  }

  const field = (id: string, label: string, value: string, set: (v: string) => void) => (
    <div>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <input id={id} className={inputClass} value={value} onChange={(e) => set(e.target.value)} />
    </div>
  );
  const check = (label: string, value: boolean, set: (v: boolean) => void) => (
    <label className="flex items-center gap-2 text-sm">
      <input type="checkbox" checked={value} onChange={(e) => set(e.target.checked)} />
      {label}
    </label>
  );

  return (
    <form onSubmit={onSubmit} className={`${cardClass} space-y-4 p-4`} aria-label="New export">
      <h2 className="text-base font-semibold">Export preferences</h2>
      <div className="grid gap-3 sm:grid-cols-2">
        {field("export-name", "Dataset name", name, setName)}
        <div>
          <label htmlFor="export-format" className={labelClass}>
            Layout
          </label>
          <select
            id="export-format"
            className={inputClass}
            value={format}
            onChange={(e) => setFormat(e.target.value as Format)}
          >
            {FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {format === "pick-a-pic" ? (
        <div className="sm:w-1/2">
          <label htmlFor="export-images" className={labelClass}>
            Images
          </label>
          <select
            id="export-images"
            className={inputClass}
            value={images}
            onChange={(e) => setImages(e.target.value as typeof images)}
          >
            <option value="files">files alongside, paths in the Parquet</option>
            <option value="inline">bytes inside the Parquet</option>
            <option value="webdataset">WebDataset tar shards</option>
          </select>
        </div>
      ) : null}
      {format === "reward-difference" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div>
            <label htmlFor="export-reward-run" className={labelClass}>
              Rewards from the evaluation run
            </label>
            <select
              id="export-reward-run"
              className={inputClass}
              value={rewardRun}
              onChange={(e) => {
                setRewardRun(e.target.value);
                setRewardMetric("");
              }}
            >
              <option value="">Choose…</option>
              {doneRuns.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.scope} · {r.metrics.join(", ")} ·{" "}
                  {r.finishedAt ? new Date(r.finishedAt).toLocaleString() : ""}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="export-reward-metric" className={labelClass}>
              Reward metric
            </label>
            <select
              id="export-reward-metric"
              className={inputClass}
              value={rewardMetric}
              onChange={(e) => setRewardMetric(e.target.value)}
            >
              <option value="">Choose…</option>
              {runMetrics.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </div>
        </div>
      ) : null}
      <fieldset>
        <legend className={labelClass}>Studies</legend>
        {pairwise.length === 0 ? (
          <p className="text-sm text-zinc-500">No launched pairwise study yet.</p>
        ) : (
          <ul className="space-y-1">
            {pairwise.map((s) => (
              <li key={s.id}>
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={studyIds.includes(s.id)}
                    onChange={(e) =>
                      setStudyIds((ids) =>
                        e.target.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id),
                      )
                    }
                  />
                  {s.name} <span className="text-xs text-zinc-500">({s.status})</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="grid gap-2 sm:grid-cols-2">
        {check("One row per item (its raters' majority)", majority, setMajority)}
        {check("Drop ties", dropTies, setDropTies)}
        {check("Keep flagged raters", keepFlagged, setKeepFlagged)}
        {check("Keep gold items", keepGold, setKeepGold)}
        {check("Hide model names", hideModelNames, setHideModelNames)}
      </div>
      <div className="grid gap-3 sm:grid-cols-4">
        {field("export-agreement", "Minimum agreement", minAgreement, setMinAgreement)}
        {field("export-split", "Split (train, validation, test)", split, setSplit)}
        {field("export-seed", "Split seed", seed, setSeed)}
        {field("export-license", "License", license, setLicense)}
      </div>
      <ErrorMessage>{problem ?? create.error?.message}</ErrorMessage>
      <button type="submit" className={buttonClass} disabled={create.isPending}>
        {create.isPending ? "Starting…" : "Create export"}
      </button>
    </form>
  );
}
