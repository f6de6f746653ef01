/**
 * What a rater's browser receives for one task. Blind by construction: the prompt text, the two
 * media as opaque signed URLs placed left/right as the assignment says, the template's reference
 * media, and nothing else — no model name or id, no output, asset or task id.
 */
import type { Asset, Db } from "@loupe/db";
import { originalUrl, thumbnailUrl } from "../media-urls";
import type { Runtime } from "../runtime";
import type { RaterAnswer } from "../assignments/answers";

export type MediaView = {
  kind: "image" | "video" | "audio";
  url: string;
  posterUrl: string | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  fps: number | null;
};

export type TaskView = {
  assignmentId: string;
  expiresAt: Date;
  prompt: string;
  left: MediaView;
  right: MediaView;
  references: { role: string; media: MediaView }[];
  /** Set when an undo brings a task back: the answers given before. */
  previousAnswers: Record<string, RaterAnswer> | null;
};

type AssetFields = Pick<
  Asset,
  "kind" | "sha256" | "mime" | "thumbnailSha256" | "width" | "height" | "durationSeconds" | "fps"
>;

export function mediaView(runtime: Pick<Runtime, "secret">, asset: AssetFields): MediaView {
  return {
    kind: asset.kind,
    url: originalUrl(runtime, asset),
    posterUrl: thumbnailUrl(runtime, asset),
    width: asset.width,
    height: asset.height,
    durationSeconds: asset.durationSeconds,
    fps: asset.fps,
  };
}

export async function buildTaskView(
  runtime: Runtime,
  db: Db,
  assignment: { assignmentId: string; taskId: string; swapped: boolean; expiresAt: Date },
  referenceRoles: readonly string[],
  previousAnswers: Record<string, RaterAnswer> | null = null,
): Promise<TaskView> {
  // One query for the pair (this runs on every task served), a second only for reference media.
  const rows = await db.$queryRaw<{ prompt: string; promptId: string; a: AssetFields; b: AssetFields }[]>`
    SELECT p.text AS prompt, p.id AS "promptId", to_jsonb(a) AS a, to_jsonb(b) AS b
    FROM "StudyTask" t
    JOIN "Prompt" p ON p.id = t."promptId"
    JOIN "Output" oa ON oa.id = t."outputAId" JOIN "Asset" a ON a.id = oa."assetId"
    JOIN "Output" ob ON ob.id = t."outputBId" JOIN "Asset" b ON b.id = ob."assetId"
    WHERE t.id = ${assignment.taskId}`;
  const task = rows[0];
  if (!task) throw new Error(`task ${assignment.taskId} not found`);
  const a = mediaView(runtime, task.a);
  const b = mediaView(runtime, task.b);
  const refs =
    referenceRoles.length === 0
      ? []
      : await db.promptReference.findMany({
          where: { promptId: task.promptId, role: { in: [...referenceRoles] } },
          include: { asset: true },
        });
  const references = refs
    .sort(
      (x, y) => referenceRoles.indexOf(x.role) - referenceRoles.indexOf(y.role) || x.position - y.position,
    )
    .map((r) => ({ role: r.role, media: mediaView(runtime, r.asset) }));
  return {
    assignmentId: assignment.assignmentId,
    expiresAt: assignment.expiresAt,
    prompt: task.prompt,
    left: assignment.swapped ? b : a,
    right: assignment.swapped ? a : b,
    references,
    previousAnswers,
  };
}
