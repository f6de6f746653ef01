/**
 * The new-run form's text: a pipeline in YAML (or JSON, which is YAML too), parsed in the browser
 * so a typo is pointed out before anything is sent; the server checks the rest.
 */
import { parse, YAMLParseError } from "yaml";

export type ParsedPipeline = { definition: unknown } | { error: string };

export function parsePipelineText(text: string): ParsedPipeline {
  if (text.trim() === "") return { error: "Write a pipeline first." };
  try {
    const definition: unknown = parse(text);
    if (typeof definition !== "object" || definition === null || Array.isArray(definition))
      return { error: "A pipeline is one object with name, source and stages." };
    return { definition };
  } catch (err) {
    return {
      error:
        err instanceof YAMLParseError ? err.message.split("\n")[0]! : `Not YAML: ${(err as Error).message}`,
    };
  }
}

/** A first pipeline to edit: every image stage with its usual thresholds, reading a folder under `root`. */
export function examplePipeline(root: string): string {
  return `name: my corpus
source:
  kind: folder            # or manifest (jsonl/csv/parquet) or webdataset
  root: ${root.replace(/\/$/, "")}/my-corpus
stages:
  - { stage: metadata }
  - { stage: resolution, minShortSide: 256, minAspect: 0.5, maxAspect: 2 }
  - { stage: decode }
  - { stage: exposure, minMeanLuma: 0.08, maxMeanLuma: 0.95 }
  - { stage: blur, minSharpness: 100 }
  - { stage: phash, algorithms: [phash] }
dedup: { hash: phash, maxDistance: 6 }
shardSize: 1000
outputs: { manifest: parquet }
`;
}
