/**
 * One item through the stages (an image, or a video): every item gets exactly one decision — kept, dropped (with
 * the first failing stage and its reason) or error (the file cannot be read, with the reason) —
 * and never throws. Header stages run before pixel stages, and after the first failure the
 * remaining stages still run: all of them are cheap next to the decode they share, and recorded
 * scores let the data team move a threshold and see the new funnel without re-running.
 */
import { DEFAULT_MAX_PIXELS, ImageProbe } from "./image/image-probe";
import { MediaProbeError, type MediaKind, type MediaProbe } from "./media-probe";
import {
  NO_CONTEXT,
  type ConfiguredStage,
  type Measured,
  type Stage,
  type StageContext,
  type StageCost,
} from "./stages/stage";
import { VideoProbe } from "./video/video-probe";

export type ItemDecision = {
  itemId: string;
  source: string;
  status: "kept" | "dropped" | "error";
  /** The first stage that dropped the item, or that could not read it. */
  firstFailingStage: string | null;
  reason: string | null;
  /** Every measurement, as "<stage>.<name>". */
  scores: Record<string, number>;
  /** Measurements that are words (the format), as "<stage>.<name>". */
  labels: Record<string, string>;
  /** Perceptual hashes by algorithm, for the deduplication pass. */
  hashes: Record<string, string>;
  /** The unit-length image embedding, when an embedding stage ran (for the concept pass). */
  embedding?: Float32Array;
  /** Milliseconds each stage spent measuring the item (for the run's per-stage speed; not stored). */
  stageMs?: Record<string, number>;
};

export type PipelineItem = {
  itemId: string;
  source: string;
  /** The file's path or its bytes. */
  input: string | Buffer;
  bytes: number;
};

const ORDER: Record<StageCost, number> = { header: 0, decode: 1, pixels: 2, model: 3 };

/** The stages in the order they run: header stages, the decode check, pixel stages, model stages; otherwise as configured. */
export function runOrder(stages: readonly ConfiguredStage[]): ConfiguredStage[] {
  return stages
    .map((s, i) => ({ s, i }))
    .sort((a, b) => ORDER[a.s.stage.cost] - ORDER[b.s.stage.cost] || a.i - b.i)
    .map(({ s }) => s);
}

/** A stage's own measurement out of a decision's recorded ones (the "<stage>." prefix removed). */
export function measuredBy(
  stage: Pick<Stage<unknown>, "id">,
  recorded: Pick<ItemDecision, "scores" | "labels">,
): Measured {
  const prefix = `${stage.id}.`;
  const own = <T>(all: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(all)
        .filter(([k]) => k.startsWith(prefix))
        .map(([k, v]) => [k.slice(prefix.length), v]),
    );
  return { scores: own(recorded.scores), labels: own(recorded.labels) };
}

export async function decideItem(
  item: PipelineItem,
  stages: readonly ConfiguredStage[],
  opts: { maxPixels?: number; context?: StageContext; media?: MediaKind } = {},
): Promise<ItemDecision> {
  const context = opts.context ?? NO_CONTEXT;
  const probe: MediaProbe =
    opts.media === "video"
      ? new VideoProbe(item.input, item.bytes, opts.maxPixels ?? DEFAULT_MAX_PIXELS)
      : new ImageProbe(item.input, item.bytes, opts.maxPixels);
  try {
    return await decideWith(probe, item, stages, context);
  } finally {
    await probe.close();
  }
}

async function decideWith(
  probe: MediaProbe,
  item: PipelineItem,
  stages: readonly ConfiguredStage[],
  context: StageContext,
): Promise<ItemDecision> {
  const decision: ItemDecision = {
    itemId: item.itemId,
    source: item.source,
    status: "kept",
    firstFailingStage: null,
    reason: null,
    scores: {},
    labels: {},
    hashes: {},
    stageMs: {},
  };
  for (const { stage, config } of runOrder(stages)) {
    const started = performance.now();
    try {
      const measurement = await stage.measure(probe, config, context);
      decision.stageMs![stage.id] = performance.now() - started;
      for (const [name, value] of Object.entries(measurement.scores))
        if (Number.isFinite(value)) decision.scores[`${stage.id}.${name}`] = value;
      for (const [name, value] of Object.entries(measurement.labels ?? {}))
        decision.labels[`${stage.id}.${name}`] = value;
      Object.assign(decision.hashes, measurement.hashes);
      if (measurement.embedding) decision.embedding = measurement.embedding;
      const failure = stage.judge(measuredBy(stage, decision), config);
      if (failure !== undefined && decision.status === "kept") {
        decision.status = "dropped";
        decision.firstFailingStage = stage.id;
        decision.reason = failure;
      }
    } catch (err) {
      decision.stageMs![stage.id] = performance.now() - started;
      // Unreadable media (or a bug in a stage): an item-level error, never a crashed worker.
      if (decision.status !== "kept") break;
      decision.status = "error";
      decision.firstFailingStage = stage.id;
      decision.reason =
        err instanceof MediaProbeError ? err.message : `stage failed: ${(err as Error).message}`;
      break;
    }
  }
  return decision;
}
