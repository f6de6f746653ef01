/**
 * A project ready for a pairwise study: models, a prompt set, and one output per (model, prompt).
 * Assets are rows with made-up hashes: the assignment engine and the rater API never read the
 * bytes, and media URLs are tokens over the hash.
 */
import crypto from "node:crypto";
import type { TestApp } from "./test-app";

export async function createStudyFixture(
  app: TestApp,
  opts: {
    slug: string;
    models: string[];
    prompts: number;
    skipOutputs?: { model: string; prompt: number }[];
  },
) {
  const owner = await app.userWithSession(`owner-${opts.slug}@example.test`, { isAdmin: true });
  await owner.client.projects.create.mutate({ name: opts.slug, slug: opts.slug });
  const project = await app.db.project.findUniqueOrThrow({ where: { slug: opts.slug } });
  const models = [];
  for (const name of opts.models)
    models.push(await app.db.genModel.create({ data: { projectId: project.id, name } }));
  const set = await app.db.promptSet.create({ data: { projectId: project.id, name: "prompts" } });
  const prompts = [];
  for (let i = 0; i < opts.prompts; i++) {
    prompts.push(
      await app.db.prompt.create({
        data: {
          promptSetId: set.id,
          externalId: String(i + 1),
          position: i,
          text: `prompt number ${i + 1}`,
          tags: ["demo"],
        },
      }),
    );
  }
  const outputs = [];
  const assets = [];
  for (const model of models) {
    for (const [i, prompt] of prompts.entries()) {
      if (opts.skipOutputs?.some((s) => s.model === model.name && s.prompt === i)) continue;
      const asset = await app.db.asset.create({
        data: {
          sha256: crypto.randomBytes(32).toString("hex"),
          kind: "image",
          mime: "image/png",
          bytes: 100n,
          width: 64,
          height: 64,
          thumbnailSha256: crypto.randomBytes(32).toString("hex"),
        },
      });
      assets.push(asset);
      outputs.push(
        await app.db.output.create({
          data: { projectId: project.id, modelId: model.id, promptId: prompt.id, assetId: asset.id },
        }),
      );
    }
  }
  return { owner, project, models, set, prompts, outputs, assets };
}
