/**
 * A launched study on the demo project whose two models' outputs are real media made by ffmpeg
 * (video or audio) and uploaded through /api/v1, for the rater-page specs.
 */
import { expect, type Page } from "@playwright/test";
import { makeTestMedia, type TestMediaSpec } from "@loupe/media/testing";
import { apiAs } from "./api";
import { BASE_URL } from "./env";

export async function createMediaStudy(
  admin: Page,
  opts: {
    tag: string;
    media: (i: number) => TestMediaSpec;
    template: "video-ab" | "custom";
    breakEveryMinutes?: number;
  },
) {
  const api = await apiAs(admin);
  const projectSlug = "demo";
  const { key } = await api.apiKeys.create.mutate({
    projectSlug,
    name: `${opts.tag} e2e`,
    role: "researcher",
  });
  const models = [
    await api.models.create.mutate({ projectSlug, name: `${opts.tag}-model-1` }),
    await api.models.create.mutate({ projectSlug, name: `${opts.tag}-model-2` }),
  ];
  const setName = `${opts.tag} prompts`;
  const set = await api.promptSets.create.mutate({
    projectSlug,
    name: setName,
    prompts: [{ externalId: "p1", text: `a ${opts.tag} sample` }],
  });
  for (const [i, model] of models.entries()) {
    const form = new FormData();
    form.set("file", new Blob([new Uint8Array(await makeTestMedia(opts.media(i)))]), "sample");
    form.set("model", model.name);
    form.set("prompt_set", setName);
    form.set("prompt_id", "p1");
    const res = await fetch(`${BASE_URL}/api/v1/projects/${projectSlug}/outputs`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    expect(res.status).toBe(201);
  }
  const template = (await api.studies.templates.query({ projectSlug })).find((t) => t.id === opts.template)!;
  const study = await api.studies.create.mutate({
    projectSlug,
    name: opts.tag,
    config: {
      kind: "pairwise",
      template: opts.template,
      axes: template.axes,
      instructions: template.instructions,
      modelIds: models.map((m) => m.id),
      promptSetIds: [set.id],
      overlap: 5,
      breakEveryMinutes: opts.breakEveryMinutes ?? null,
    },
  });
  await api.studies.launch.mutate({ projectSlug, studyId: study.id });
  const invite = await api.studies.createInvite.mutate({ projectSlug, studyId: study.id });
  return {
    invitePath: invite.path,
    /** Later specs list the demo project's active studies: leave this one completed. */
    complete: async () =>
      (await apiAs(admin)).studies.setStatus.mutate({ projectSlug, studyId: study.id, status: "completed" }),
  };
}
