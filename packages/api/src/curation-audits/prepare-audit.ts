/**
 * Preparing a filter audit (the `curation.audit` job): one pass over the run's stored shard
 * decisions draws a uniform random sample from each group — the items each stage dropped first,
 * the near-duplicates, and the kept set — then each sampled item's media is stored, with the kept
 * item beside each near-duplicate. Unreadable items (status "error") are not sampled: no filter
 * judged them. The draw ranks items by sha256(audit id, item id), so it is the same on a retry and
 * differs between audits; items are upserted, so a retry after a crash adds nothing twice.
 */
import crypto from "node:crypto";
import type { Db } from "@loupe/db";
import {
  asyncBufferOf,
  decodeDecisions,
  LowestIdSample,
  parsePipeline,
  readOptionsOf,
  type CurationDecision,
} from "@loupe/curation";
import type { MediaStorage } from "@loupe/media";
import { decodeDuplicates } from "../curation/duplicates-table";
import { readStored } from "../curation/stored-files";
import type { CurationOutputs } from "../curation/summary";
import { storeAuditMedia, type AuditMedia } from "./audit-media";

/** The group an item is sampled from: "kept", "dedup", or the stage that dropped it first. */
function groupOf(d: CurationDecision, duplicates: ReadonlyMap<string, string>): string | null {
  if (d.status === "error") return null;
  if (d.status === "kept") return duplicates.has(d.itemId) ? "dedup" : "kept";
  return d.firstFailingStage;
}

export async function prepareCurationAudit(runtime: { db: Db; storage: MediaStorage }, auditId: string) {
  const { db, storage } = runtime;
  const audit = await db.curationAudit.findUnique({ where: { id: auditId }, include: { run: true } });
  if (!audit || audit.status !== "preparing") return;
  const { definition } = parsePipeline(audit.run.definition);
  const outputs = audit.run.outputs as CurationOutputs | null;
  const duplicates = outputs?.duplicates
    ? await decodeDuplicates(await readStored(storage, outputs.duplicates.sha256))
    : new Map<string, string>();
  const shards = await db.curationShard.findMany({
    where: { runId: audit.runId },
    orderBy: { index: "asc" },
    select: { decisionsSha256: true },
  });
  async function* eachDecision(): AsyncGenerator<CurationDecision> {
    for (const shard of shards) {
      if (!shard.decisionsSha256) continue;
      yield* await decodeDecisions(asyncBufferOf(await readStored(storage, shard.decisionsSha256)));
    }
  }

  const rankOf = (d: { itemId: string }) =>
    crypto.createHash("sha256").update(`${auditId}:${d.itemId}`).digest("hex");
  type Sampled = CurationDecision & { group: string };
  const samples = new Map<string, LowestIdSample<Sampled>>();
  for await (const d of eachDecision()) {
    const group = groupOf(d, duplicates);
    if (group === null) continue;
    if (!samples.has(group)) samples.set(group, new LowestIdSample<Sampled>(audit.itemsPerGroup, rankOf));
    samples.get(group)!.offer({ ...d, group });
  }
  const sampled = [...samples.values()].flatMap((s) => s.result());

  // The items the sampled near-duplicates' clusters kept, to show beside them.
  const wantedOriginals = new Set(
    sampled.filter((d) => d.group === "dedup").map((d) => duplicates.get(d.itemId)!),
  );
  const originals = new Map<string, CurationDecision>();
  if (wantedOriginals.size > 0)
    for await (const d of eachDecision()) if (wantedOriginals.has(d.itemId)) originals.set(d.itemId, d);

  const media = (d: CurationDecision) =>
    storeAuditMedia(storage, d, definition.media, readOptionsOf(definition));
  let unavailable = 0;
  for (const d of sampled) {
    const shown = await media(d);
    if (!shown) {
      unavailable++;
      continue;
    }
    const original = d.group === "dedup" ? originals.get(duplicates.get(d.itemId)!) : undefined;
    const paired: AuditMedia | null = original ? await media(original) : null;
    const data = {
      source: d.source,
      sampleGroup: d.group,
      reason: d.reason,
      position: parseInt(rankOf(d).slice(0, 7), 16),
      mediaKind: definition.media,
      mediaSha256: shown.sha256,
      mediaMime: shown.mime,
      thumbnailSha256: shown.thumbnailSha256,
      pairedMediaSha256: paired?.sha256 ?? null,
      pairedMediaMime: paired?.mime ?? null,
    };
    await db.curationAuditItem.upsert({
      where: { auditId_itemId: { auditId, itemId: d.itemId } },
      create: { auditId, itemId: d.itemId, ...data },
      update: data,
    });
  }
  await db.curationAudit.updateMany({
    where: { id: auditId, status: "preparing" },
    data: { status: "open", openedAt: new Date(), unavailable },
  });
}
