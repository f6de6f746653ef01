/**
 * The judgments an export reads, a batch of prompts at a time so memory holds a batch, not the
 * studies: every judgment of the studies that was not undone, with its rater's flag, its item
 * (gold or not), its prompt, and both outputs' stored files and models; the label is read on one
 * question (axis). Prompts come in the order of their ids (JavaScript's string order), and a
 * prompt's judgments never straddle two batches, so rows built per batch come out in the
 * export's global order. Every batch is read in one repeatable-read transaction: the export reads
 * one consistent snapshot, whatever raters submit while it runs.
 *
 * Each batch is a few queries by ids (the prompts' items, their outputs, the items' judgments),
 * each a handful of index lookups. One query ordered by prompt over the whole studies, through a
 * cursor, was tried and was slower: sorting a million joined rows took longer than all the
 * batches together.
 */
import { Prisma, type Db } from "@loupe/db";
import type { StoredAnswer } from "../assignments/answers";
import { outcomeOf } from "../results/compute";
import type { ExportImage, JudgedPair } from "./preference-rows";

/** About this many judgments per batch; a prompt with more is a batch of its own. */
const BATCH_JUDGMENTS = 10_000;
/** The longest an export may read for (the snapshot's transaction). */
const READ_TIMEOUT_MS = 60 * 60 * 1000;

export interface JudgmentBatch {
  /** The judgments answered on the axis. */
  judged: JudgedPair[];
  /** Judgments read, answered or not (for progress against `total`). */
  read: number;
}

export interface JudgmentSource {
  /** Judgments (not undone) in the studies. */
  total: number;
  /** Every model with an output in the studies' items, sorted by name. */
  models: string[];
}

/** An item (study task) with both outputs' files and models. */
interface Item {
  promptId: string;
  isGold: boolean;
  a: ExportImage;
  b: ExportImage;
}

/** Calls `start` with the totals, then `onBatch` for each batch of whole prompts, in prompt order. */
export async function readJudgments(
  db: Db,
  studyIds: string[],
  axisId: string,
  start: (source: JudgmentSource) => Promise<void> | void,
  onBatch: (batch: JudgmentBatch) => Promise<void>,
  batchJudgments = BATCH_JUDGMENTS,
): Promise<void> {
  await db.$transaction(
    async (tx) => {
      // Batches are planned on the items' judgment counters (kept by every submit); they only size
      // the batches, so a counter that drifted would change a batch's size, not its rows.
      const perPrompt = await tx.$queryRaw<{ promptId: string; judgments: number }[]>`
        SELECT "promptId", sum("judgmentCount")::int AS judgments FROM "StudyTask"
        WHERE "studyId" = ANY(${studyIds}) GROUP BY "promptId"`;
      perPrompt.sort((x, y) => (x.promptId < y.promptId ? -1 : x.promptId > y.promptId ? 1 : 0));
      const [counted] = await tx.$queryRaw<{ total: number }[]>`
        SELECT count(*)::int AS total FROM "Judgment" j WHERE j."studyId" = ANY(${studyIds})
          AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)`;
      const models = await tx.$queryRaw<{ id: string; name: string }[]>`
        SELECT m.id, m.name FROM "GenModel" m WHERE m.id IN (
          SELECT o."modelId" FROM "StudyTask" t JOIN "Output" o ON o.id = t."outputAId" WHERE t."studyId" = ANY(${studyIds})
          UNION
          SELECT o."modelId" FROM "StudyTask" t JOIN "Output" o ON o.id = t."outputBId" WHERE t."studyId" = ANY(${studyIds}))`;
      const modelName = new Map(models.map((m) => [m.id, m.name]));
      const excluded = await tx.rater.findMany({
        where: { studyId: { in: studyIds }, excluded: true },
        select: { id: true },
      });
      const excludedRaters = new Set(excluded.map((r) => r.id));
      await start({ total: counted?.total ?? 0, models: [...modelName.values()].sort() });

      const load = async (promptIds: string[]): Promise<JudgmentBatch> => {
        const texts = await tx.prompt.findMany({
          where: { id: { in: promptIds } },
          select: { id: true, text: true },
        });
        const prompt = new Map(texts.map((p) => [p.id, p.text]));
        const items = await itemsOf(tx, studyIds, promptIds, modelName);
        const judgments = await judgmentsOf(tx, [...items.keys()], axisId);
        const judged: JudgedPair[] = [];
        for (const j of judgments) {
          const outcome = outcomeOf(j.answer ?? undefined);
          if (outcome === null) continue; // the question was not answered (optional axis)
          const item = items.get(j.taskId)!;
          judged.push({
            judgmentId: j.id,
            studyId: j.studyId,
            taskId: j.taskId,
            promptId: item.promptId,
            prompt: prompt.get(item.promptId)!,
            raterId: j.raterId,
            raterExcluded: excludedRaters.has(j.raterId),
            isGold: item.isGold,
            createdAt: j.createdAt,
            a: item.a,
            b: item.b,
            preference: outcome === "A" ? "a" : outcome === "B" ? "b" : "tie",
          });
        }
        return { judged, read: judgments.length };
      };

      const batches: string[][] = [];
      let size = 0;
      for (const { promptId, judgments } of perPrompt) {
        const last = batches[batches.length - 1];
        if (!last || size + judgments > batchJudgments) {
          batches.push([promptId]);
          size = Math.max(1, judgments);
        } else {
          last.push(promptId);
          size += Math.max(1, judgments);
        }
      }
      // The next batch loads (in Postgres, on the other core) while this one is processed.
      let next = batches.length ? load(batches[0]!) : null;
      for (let i = 0; next; i++) {
        const batch = await next;
        next = i + 1 < batches.length ? load(batches[i + 1]!) : null;
        // A failed prefetch is reported by the await above on the next round, not as unhandled.
        next?.catch(() => undefined);
        await onBatch(batch);
      }
    },
    { isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead, timeout: READ_TIMEOUT_MS },
  );
}

/** The batch's items with their outputs; the queries go by ids, so each is a few index lookups. */
async function itemsOf(
  db: Prisma.TransactionClient,
  studyIds: string[],
  promptIds: string[],
  modelName: ReadonlyMap<string, string>,
): Promise<Map<string, Item>> {
  // Pairwise tasks only (a safety study's task has no output B; exports refuse those studies).
  const tasks = (
    await db.studyTask.findMany({
      where: { promptId: { in: promptIds }, studyId: { in: studyIds } },
      select: { id: true, promptId: true, isGold: true, outputAId: true, outputBId: true },
    })
  ).flatMap(({ outputBId, ...t }) => (outputBId === null ? [] : [{ ...t, outputBId }]));
  const outputIds = [...new Set(tasks.flatMap((t) => [t.outputAId, t.outputBId]))];
  const outputs = await db.$queryRaw<{ id: string; modelId: string; sha256: string; mime: string }[]>`
    SELECT o.id, o."modelId", a.sha256, a.mime FROM "Output" o JOIN "Asset" a ON a.id = o."assetId"
    WHERE o.id = ANY(${outputIds})`;
  const image = new Map<string, ExportImage>(
    outputs.map((o) => [
      o.id,
      { outputId: o.id, sha256: o.sha256, mime: o.mime, model: modelName.get(o.modelId) ?? o.modelId },
    ]),
  );
  return new Map(
    tasks.map((t) => [
      t.id,
      { promptId: t.promptId, isGold: t.isGold, a: image.get(t.outputAId)!, b: image.get(t.outputBId)! },
    ]),
  );
}

/** The items' judgments that were not undone, with the answer on the axis only. */
function judgmentsOf(db: Prisma.TransactionClient, taskIds: string[], axisId: string) {
  return db.$queryRaw<
    {
      id: string;
      studyId: string;
      taskId: string;
      raterId: string;
      answer: StoredAnswer | null;
      createdAt: Date;
    }[]
  >`
    SELECT j.id, j."studyId", j."taskId", j."raterId", j.answers -> ${axisId} AS answer, j."createdAt"
    FROM "Judgment" j
    WHERE j."taskId" = ANY(${taskIds})
      AND NOT EXISTS (SELECT 1 FROM "JudgmentUndo" u WHERE u."judgmentId" = j.id)`;
}
