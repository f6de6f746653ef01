/**
 * "Move a threshold and see the funnel" for a finished run: the stages' configs with the changed
 * options, checked by each stage's schema, and every recorded decision judged again under them
 * (curation/src/run/projection.ts), one stored shard at a time — no image is read.
 */
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import type { Db } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import {
  asyncBufferOf,
  decodeDecisions,
  FunnelProjection,
  parsePipeline,
  runOrder,
  type ConfiguredStage,
} from "@loupe/curation";
import { decodeDuplicates } from "./duplicates-table";
import { readStored } from "./stored-files";
import type { CurationOutputs } from "./summary";

/** Per stage id, the options to change (the rest keep the run's values). */
export const stageChanges = z.record(z.string(), z.record(z.string(), z.unknown()));
export type StageChanges = z.infer<typeof stageChanges>;

export async function projectCurationFunnel(
  runtime: { db: Db; storage: MediaStorage },
  projectId: string,
  runId: string,
  changes: StageChanges,
) {
  const { db, storage } = runtime;
  const run = await db.curationRun.findFirst({ where: { id: runId, projectId } });
  if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "No such curation run in this project." });
  if (run.status !== "done")
    throw new TRPCError({ code: "BAD_REQUEST", message: "A funnel can be projected once the run is done." });
  const stages = runOrder(parsePipeline(run.definition).stages);
  const unknown = Object.keys(changes).filter((id) => !stages.some((s) => s.stage.id === id));
  if (unknown.length)
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `the run has no stage ${unknown.map((id) => `"${id}"`).join(", ")}`,
    });
  const projected: ConfiguredStage[] = stages.map(({ stage, config }) => {
    const change = changes[stage.id];
    if (!change) return { stage, config };
    const parsed = stage.config.safeParse({ ...(config as object), ...change });
    if (!parsed.success)
      throw new TRPCError({
        code: "BAD_REQUEST",
        message: `${stage.id}: ${parsed.error.issues.map((i) => `${i.path.join(".") || "options"}: ${i.message}`).join("; ")}`,
      });
    return { stage, config: parsed.data };
  });

  const outputs = run.outputs as CurationOutputs | null;
  const duplicates = outputs?.duplicates
    ? await decodeDuplicates(await readStored(storage, outputs.duplicates.sha256))
    : null;
  const semanticDuplicates = outputs?.semanticDuplicates
    ? await decodeDuplicates(await readStored(storage, outputs.semanticDuplicates.sha256))
    : null;
  const projection = new FunnelProjection(projected, duplicates, semanticDuplicates);
  const shards = await db.curationShard.findMany({
    where: { runId },
    orderBy: { index: "asc" },
    select: { decisionsSha256: true },
  });
  for (const shard of shards)
    for (const d of await decodeDecisions(asyncBufferOf(await readStored(storage, shard.decisionsSha256!))))
      projection.add(d);
  const funnel = projection.funnel();
  return {
    funnel,
    kept: funnel.at(-1)?.remaining ?? 0,
    configs: Object.fromEntries(projected.map((s) => [s.stage.id, s.config])),
  };
}
