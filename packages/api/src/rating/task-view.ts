/**
 * What a rater's browser receives for one task. Blind by construction: the prompt text, the two
 * media as opaque signed URLs placed left/right as the assignment says, the template's reference
 * media, and nothing else — no model name or id, no output, asset or task id.
 */
import type { Asset, Db } from "@loupe/db";
import { mediaUrl } from "../media-urls";
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

export function mediaView(runtime: Pick<Runtime, "secret">, asset: Asset): MediaView {
  return {
    kind: asset.kind,
    url: mediaUrl(runtime, { sha256: asset.sha256, variant: "original", mime: asset.mime }),
    posterUrl: asset.thumbnailSha256
      ? mediaUrl(runtime, { sha256: asset.thumbnailSha256, variant: "thumbnail", mime: "image/webp" })
      : null,
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
  const task = await db.studyTask.findUniqueOrThrow({
    where: { id: assignment.taskId },
    select: {
      prompt: {
        select: {
          text: true,
          references: {
            where: { role: { in: [...referenceRoles] } },
            orderBy: [{ role: "asc" }, { position: "asc" }],
            include: { asset: true },
          },
        },
      },
      outputA: { select: { asset: true } },
      outputB: { select: { asset: true } },
    },
  });
  const a = mediaView(runtime, task.outputA.asset);
  const b = mediaView(runtime, task.outputB.asset);
  const references = task.prompt.references
    .sort(
      (x, y) => referenceRoles.indexOf(x.role) - referenceRoles.indexOf(y.role) || x.position - y.position,
    )
    .map((r) => ({ role: r.role, media: mediaView(runtime, r.asset) }));
  return {
    assignmentId: assignment.assignmentId,
    expiresAt: assignment.expiresAt,
    prompt: task.prompt.text,
    left: assignment.swapped ? b : a,
    right: assignment.swapped ? a : b,
    references,
    previousAnswers,
  };
}
