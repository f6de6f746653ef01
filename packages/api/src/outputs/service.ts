import type { Db } from "@loupe/db";
import { originalUrl, thumbnailUrl } from "../media-urls";
import type { Runtime } from "../runtime";

/** Outputs with model names: for researchers' views only (raters get blinded pairs, never this). */
export async function listOutputs(
  runtime: Runtime,
  projectId: string,
  page: { skip: number; take: number; modelId?: string },
) {
  const where = { projectId, ...(page.modelId ? { modelId: page.modelId } : {}) };
  const db: Db = runtime.db;
  const [total, rows] = await Promise.all([
    db.output.count({ where }),
    db.output.findMany({
      where,
      include: {
        model: { select: { name: true } },
        prompt: { select: { text: true, tags: true } },
        asset: true,
      },
      orderBy: [{ prompt: { position: "asc" } }, { model: { name: "asc" } }],
      skip: page.skip,
      take: page.take,
    }),
  ]);
  return {
    total,
    outputs: rows.map((o) => ({
      id: o.id,
      model: o.model.name,
      prompt: o.prompt.text,
      tags: o.prompt.tags,
      seed: o.seed,
      latencyMs: o.latencyMs,
      steps: o.steps,
      kind: o.asset.kind,
      width: o.asset.width,
      height: o.asset.height,
      thumbnailUrl: thumbnailUrl(runtime, o.asset),
      url: originalUrl(runtime, o.asset),
    })),
  };
}
