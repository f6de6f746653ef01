/**
 * Starting a curation run. Everything that can be checked before any work is: the definition
 * (every stage option), the folders it may read (for runs started from the web or the API), and
 * the source itself — a missing folder or manifest, a manifest without the named column — which
 * `openSource` checks without reading items. Stages that run a registered model get it now, or
 * are left out with the reason (curation/src/stage-models.ts). Then the run is written and its
 * planning job queued in one transaction.
 */
import { TRPCError } from "@trpc/server";
import type { Db, Prisma } from "@loupe/db";
import { parsePipeline, PipelineDefinitionError, resolveStageModels, type Pipeline } from "@loupe/curation";
import { openSource, SourceError } from "@loupe/curation/sources";
import { writeAudit } from "../audit/log";
import { enqueueCurationPlan } from "./enqueue";
import { sourceOutsideRoots } from "./source-roots";

export type CurationActor = { userId?: string; apiKeyId?: string };

export type CreateCurationRunOptions = {
  /** Folders the source must lie in; null: any (the CLI). */
  roots: readonly string[] | null;
  /** Buckets an object-store source may read; null: any (the CLI). Default: none when roots are set. */
  buckets?: readonly string[] | null;
  /**
   * Items per shard, overriding the definition's (which is 1,000–10,000): for tests and tiny
   * corpora that still want several shards.
   */
  shardSize?: number;
};

const refuse = (message: string) => new TRPCError({ code: "BAD_REQUEST", message });

/** The definition parsed, or a BAD_REQUEST that lists every problem. */
function pipelineOrRefusal(definition: unknown): Pipeline {
  try {
    return parsePipeline(definition);
  } catch (err) {
    if (err instanceof PipelineDefinitionError) throw refuse(err.message);
    throw err;
  }
}

export async function createCurationRun(
  db: Db,
  projectId: string,
  definition: unknown,
  options: CreateCurationRunOptions,
  actor: CurationActor = {},
) {
  const pipeline = pipelineOrRefusal(definition);
  const source = pipeline.definition.source;
  if (options.roots) {
    const outside = await sourceOutsideRoots(source, options.roots);
    if (outside) throw refuse(`source: ${outside}`);
  }
  const buckets = options.buckets === undefined ? (options.roots ? [] : null) : options.buckets;
  if (source.kind === "s3" && buckets && !buckets.includes(source.bucket))
    throw refuse(
      `source: the bucket "${source.bucket}" is not one curation may read (${buckets.join(", ") || "none"}; set LOUPE_CURATION_BUCKETS)`,
    );
  try {
    await openSource(source);
  } catch (err) {
    if (err instanceof SourceError) throw refuse(`source: ${err.message}`);
    throw err;
  }
  if (options.shardSize !== undefined && !(Number.isInteger(options.shardSize) && options.shardSize >= 1))
    throw refuse(`shard size must be a whole number ≥ 1, not ${options.shardSize}`);
  const models = await db.evaluatorModel.findMany({ select: { name: true, kind: true, spec: true } });
  const registered = models.map((m) => {
    const labels = (m.spec as { labels?: unknown }).labels;
    return { name: m.name, kind: m.kind, ...(Array.isArray(labels) ? { labels: labels.map(String) } : {}) };
  });
  const { definition: stored, skipped } = resolveStageModels(pipeline.definition, registered);
  if (stored.stages.length === 0)
    throw refuse(`No stage can run: ${skipped.map((s) => s.reason).join("; ")}`);

  return db.$transaction(async (tx) => {
    const run = await tx.curationRun.create({
      data: {
        projectId,
        name: stored.name,
        definition: stored as unknown as Prisma.InputJsonValue,
        shardSize: options.shardSize ?? stored.shardSize,
        skippedStages: skipped,
        createdById: actor.userId ?? null,
      },
    });
    await enqueueCurationPlan(tx, run.id);
    await writeAudit(tx, {
      projectId,
      actorUserId: actor.userId ?? null,
      actorApiKeyId: actor.apiKeyId ?? null,
      action: "curation.create",
      targetType: "CurationRun",
      targetId: run.id,
      data: {
        name: stored.name,
        source: source.kind,
        stages: stored.stages.map((s) => s.stage),
        skippedStages: skipped.map((s) => s.stage),
      },
    });
    return run;
  });
}
