/**
 * The structured pipeline form's state and the definition it stands for: what a data team fills in
 * (the medium, the source, which stages with which thresholds, near-duplicate removal, outputs)
 * turned into the same definition the YAML editor sends. Numbers are typed as text; one that is
 * not a number is named here, and the server checks everything else.
 */
import { stringify } from "yaml";

export type SourceForm =
  | { kind: "folder"; root: string }
  | { kind: "manifest"; path: string; column: "path" | "url"; columnName: string; captionColumn: string }
  | { kind: "webdataset"; shards: string; root: string }
  | { kind: "s3"; bucket: string; prefix: string; endpoint: string };

export type StageForm = { enabled: boolean; options: Record<string, string> };

export type PipelineForm = {
  name: string;
  media: "image" | "video";
  source: SourceForm;
  stages: Record<string, StageForm>;
  dedup: { enabled: boolean; maxDistance: string };
  outputs: { manifest: "parquet" | "jsonl"; webdataset: boolean; clips: boolean };
};

/** A stage as the catalogue lists it: its defaults and which options are thresholds. */
export type CatalogueStage = {
  id: string;
  defaults: Record<string, unknown>;
  thresholds: readonly { option: string }[];
};

/** The options the form offers for a stage: its thresholds, prefilled with their defaults. */
export function thresholdOptions(stage: CatalogueStage): Record<string, string> {
  const options: Record<string, string> = {};
  for (const { option } of stage.thresholds) {
    const value = stage.defaults[option];
    options[option] = typeof value === "number" ? String(value) : "";
  }
  return options;
}

/** The first form: the cheap stages on, with their default thresholds, reading a folder under `root`. */
export function initialForm(
  root: string,
  stages: readonly CatalogueStage[],
  media: "image" | "video" = "image",
): PipelineForm {
  const on = new Set(
    media === "video"
      ? ["metadata", "resolution", "duration", "decode", "motion", "scenes", "border"]
      : ["metadata", "resolution", "decode", "exposure", "border", "blur", "phash"],
  );
  return {
    name: "my corpus",
    media,
    source: { kind: "folder", root: `${root.replace(/\/$/, "")}/my-corpus` },
    stages: Object.fromEntries(
      stages.map((s) => [s.id, { enabled: on.has(s.id), options: thresholdOptions(s) }]),
    ),
    dedup: { enabled: media === "image", maxDistance: "6" },
    outputs: { manifest: "parquet", webdataset: false, clips: false },
  };
}

function sourceOf(source: SourceForm): Record<string, unknown> {
  const given = (entries: [string, string][]) =>
    Object.fromEntries(entries.map(([k, v]) => [k, v.trim()]).filter(([, v]) => v !== ""));
  switch (source.kind) {
    case "folder":
      return { kind: "folder", ...given([["root", source.root]]) };
    case "manifest":
      return {
        kind: "manifest",
        ...given([
          ["path", source.path],
          [source.column === "url" ? "urlColumn" : "pathColumn", source.columnName],
          ["captionColumn", source.captionColumn],
        ]),
      };
    case "webdataset":
      return {
        kind: "webdataset",
        shards: source.shards
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
        ...given([["root", source.root]]),
      };
    case "s3":
      return {
        kind: "s3",
        ...given([
          ["bucket", source.bucket],
          ["prefix", source.prefix],
          ["endpoint", source.endpoint],
        ]),
      };
  }
}

/**
 * The definition the form stands for, in `order` (the catalogue's, cheapest first), or the
 * options that are not numbers. An empty option keeps the stage's default.
 */
export function definitionOf(
  form: PipelineForm,
  order: readonly string[],
): { definition: Record<string, unknown> } | { errors: string[] } {
  const errors: string[] = [];
  const stages = order.flatMap((id) => {
    const stage = form.stages[id];
    if (!stage?.enabled) return [];
    const options: Record<string, number> = {};
    for (const [option, text] of Object.entries(stage.options)) {
      if (text.trim() === "") continue;
      const value = Number(text);
      if (Number.isFinite(value)) options[option] = value;
      else errors.push(`${id}: ${option} must be a number`);
    }
    return [{ stage: id, ...options }];
  });
  const hashing = form.dedup.enabled && form.stages.phash?.enabled === true;
  const maxDistance = Number(form.dedup.maxDistance);
  if (hashing && !Number.isInteger(maxDistance))
    errors.push("near-duplicates: the distance must be a whole number");
  if (errors.length) return { errors };
  return {
    definition: {
      name: form.name,
      media: form.media,
      source: sourceOf(form.source),
      stages,
      ...(hashing ? { dedup: { hash: "phash", maxDistance } } : {}),
      outputs: {
        manifest: form.outputs.manifest,
        ...(form.outputs.webdataset ? { webdataset: {} } : {}),
        ...(form.media === "video" && form.outputs.clips ? { clips: {} } : {}),
      },
    },
  };
}

/** The definition as the YAML editor shows it, to go on by hand from the form. */
export const definitionYaml = (definition: Record<string, unknown>) => stringify(definition);
