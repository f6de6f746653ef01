/**
 * The demo project seeded on first start, so a new user sees studies and leaderboards work before
 * bringing any data: three procedural "models" (render.ts) answer every demo prompt (prompts.ts),
 * with a known right ranking: demo-sharp-v2 > demo-soft-v1 > demo-noisy-v0, and a finished
 * side-by-side study rated by simulated raters (demo-study.ts) puts them on the leaderboard. A
 * safety review with simulated reviewers (demo-safety-study.ts) fills the Safety section, and a
 * curation run over the demo images and their usual defects (demo-curation.ts) the Curation one.
 *
 * Safe to re-run and to interrupt: images are rendered deterministically and stored
 * content-addressed, Asset rows are inserted idempotently by sha256, and every project row
 * (project, membership, prompts, models, outputs, the demo study) is written in one transaction, so a crash
 * leaves either no demo project (the next run redoes it) or a complete one (the next run returns it).
 */
import crypto from "node:crypto";
import os from "node:os";
import { isUniqueViolation, type Db } from "@loupe/db";
import { ingestImage, type IngestedImage, type MediaStorage } from "@loupe/media";
import { DEMO_PROMPTS, type DemoPrompt } from "./prompts";
import { requestResultsRefresh } from "../results/refresh-requests";
import { mapLimit } from "../map-limit";
import { startDemoCuration } from "./demo-curation";
import { insertDemoSafetyStudy } from "./demo-safety-study";
import { insertDemoStudy } from "./demo-study";
import { DEMO_MODELS, demoLatencyMs, renderDemoImage, type DemoModel } from "./render";

export { DEMO_CURATION_NAME } from "./demo-curation";
export const DEMO_PROJECT_SLUG = "demo";
export const DEMO_PROMPT_SET_NAME = "Demo prompts";

const PROJECT_DESCRIPTION =
  "Procedurally generated demo data: every image here was drawn by code from a simple scene description, not by a generative model. " +
  "Three demo models of deliberately different quality answer the same prompts, so studies and leaderboards on this project have a known right answer " +
  "(each model's description says what it does wrong). Start with LOUPE_DEMO=0 on an empty database to skip it.";

const PROMPT_SET_DESCRIPTION =
  "Simple scenes the demo models can draw (objects, counts, colours), tagged with PartiPrompts categories and challenges.";

export type SeedDemoResult = { projectId: string; created: boolean };

type RenderedOutput = { model: DemoModel; prompt: DemoPrompt; asset: IngestedImage; bytes: Buffer };

async function findDemoProject(db: Db): Promise<SeedDemoResult | null> {
  const existing = await db.project.findUnique({ where: { slug: DEMO_PROJECT_SLUG }, select: { id: true } });
  return existing ? { projectId: existing.id, created: false } : null;
}

export async function seedDemoProject(
  db: Db,
  storage: MediaStorage,
  opts: {
    ownerUserId: string;
    onProgress?: (rendered: number, total: number) => void;
    /** Where to write the demo curation run's corpus (a folder curation may read); no run without it. */
    corpusDir?: string;
    /** Told when the demo curation run could not be started (the rest of the demo stands). */
    onWarning?: (message: string) => void;
  },
): Promise<SeedDemoResult> {
  const existing = await findDemoProject(db);
  if (existing) return existing;

  // 1. Media first (outside any transaction: rendering takes seconds). Identical bytes on a re-run.
  const work = DEMO_MODELS.flatMap((model) => DEMO_PROMPTS.map((prompt) => ({ model, prompt })));
  // sharp works on libuv's thread pool (4 threads by default); a little more keeps it busy.
  const concurrency = Math.max(2, Math.min(6, os.availableParallelism() + 2));
  let done = 0;
  const rendered: RenderedOutput[] = await mapLimit(work, concurrency, async ({ model, prompt }) => {
    const bytes = await renderDemoImage(prompt, model);
    const asset = await ingestImage(storage, bytes);
    opts.onProgress?.(++done, work.length);
    return { model, prompt, asset, bytes };
  });

  // 2. Asset rows are shared across projects and keyed by sha256: insert the missing ones only.
  const uniqueAssets = [...new Map(rendered.map((r) => [r.asset.sha256, r.asset])).values()];
  await db.asset.createMany({
    data: uniqueAssets.map((a) => ({ ...a, bytes: BigInt(a.bytes) })),
    skipDuplicates: true,
  });
  const assetRows = await db.asset.findMany({
    where: { sha256: { in: uniqueAssets.map((a) => a.sha256) } },
    select: { id: true, sha256: true },
  });
  const assetId = new Map(assetRows.map((a) => [a.sha256, a.id]));

  // 3. The project and everything in it, all or nothing.
  try {
    const { projectId, studyId } = await db.$transaction(
      async (tx) => {
        const project = await tx.project.create({
          data: {
            slug: DEMO_PROJECT_SLUG,
            name: "Demo: text-to-image shoot-out",
            isDemo: true,
            description: PROJECT_DESCRIPTION,
          },
        });
        await tx.membership.create({
          data: { projectId: project.id, userId: opts.ownerUserId, role: "owner" },
        });
        const promptSet = await tx.promptSet.create({
          data: { projectId: project.id, name: DEMO_PROMPT_SET_NAME, description: PROMPT_SET_DESCRIPTION },
        });
        const promptId = new Map(DEMO_PROMPTS.map((p) => [p.externalId, crypto.randomUUID()]));
        await tx.prompt.createMany({
          data: DEMO_PROMPTS.map((p, position) => ({
            id: promptId.get(p.externalId)!,
            promptSetId: promptSet.id,
            externalId: p.externalId,
            position,
            text: p.text,
            tags: [...p.tags],
          })),
        });
        const modelId = new Map(DEMO_MODELS.map((m) => [m.name, crypto.randomUUID()]));
        await tx.genModel.createMany({
          data: DEMO_MODELS.map((m) => ({
            id: modelId.get(m.name)!,
            projectId: project.id,
            name: m.name,
            description: m.description,
          })),
        });
        const outputs = rendered.map((r) => ({
          id: crypto.randomUUID(),
          modelId: modelId.get(r.model.name)!,
          promptId: promptId.get(r.prompt.externalId)!,
          seed: 0n,
        }));
        await tx.output.createMany({
          data: rendered.map((r, i) => ({
            id: outputs[i]!.id,
            projectId: project.id,
            modelId: modelId.get(r.model.name)!,
            promptId: promptId.get(r.prompt.externalId)!,
            seed: 0n,
            params: {},
            paramsHash: "",
            assetId: assetId.get(r.asset.sha256)!,
            latencyMs: demoLatencyMs(r.model, r.prompt),
            steps: r.model.steps,
          })),
        });
        const studyId = await insertDemoStudy(tx, {
          projectId: project.id,
          ownerUserId: opts.ownerUserId,
          promptSetId: promptSet.id,
          promptIds: [...promptId.values()],
          models: DEMO_MODELS.map((m) => ({ id: modelId.get(m.name)!, name: m.name })),
          outputs,
        });
        await insertDemoSafetyStudy(tx, {
          projectId: project.id,
          ownerUserId: opts.ownerUserId,
          promptSetId: promptSet.id,
          models: DEMO_MODELS.map((m) => ({ id: modelId.get(m.name)!, name: m.name })),
          outputs,
        });
        return { projectId: project.id, studyId };
      },
      { timeout: 60_000, maxWait: 10_000 },
    );
    // The demo study's results are computed by the first worker that runs, before anyone asks.
    await requestResultsRefresh(db, studyId, { immediately: true });
    if (opts.corpusDir) {
      const images = rendered.map((r) => ({
        name: `${r.model.name}-${r.prompt.externalId}`,
        bytes: r.bytes,
      }));
      await startDemoCuration(db, projectId, opts.corpusDir, images).catch((err: unknown) =>
        opts.onWarning?.(`the demo curation run was not started: ${(err as Error).message}`),
      );
    }
    return { projectId, created: true };
  } catch (err) {
    // Another process seeded it at the same moment: theirs is as good as ours.
    if (isUniqueViolation(err)) {
      const theirs = await findDemoProject(db);
      if (theirs) return theirs;
    }
    throw err;
  }
}
