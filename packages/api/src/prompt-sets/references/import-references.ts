/**
 * Attaching reference media to prompts — the subject images of a personalization study, the
 * source, mask and exemplar of an inpainting study, the degraded input of a restoration study.
 * Each row ends as `imported`, `duplicate` (the prompt already has a reference in that role and
 * position) or `error` with a reason; files are validated and stored like outputs.
 */
import { TRPCError } from "@trpc/server";
import { isUniqueViolation } from "@loupe/db";
import { ingestMedia, MediaRejectedError, type MediaInput } from "@loupe/media";
import { PromptIndex } from "../../outputs/import/resolve-targets";
import { importTotals } from "../../import-totals";
import type { Runtime } from "../../runtime";
import type { ReferenceRow, ReferenceRowError } from "./parse-reference-manifest";

export type ReferenceImportRow = {
  line: number;
  file?: string;
  status: "imported" | "duplicate" | "error";
  reason?: string;
};

export type ReferenceImportReport = {
  promptSet: { id: string; name: string };
  rows: ReferenceImportRow[];
  totals: { rows: number; imported: number; duplicate: number; error: number };
};

export async function importPromptReferences(
  runtime: Pick<Runtime, "db" | "storage">,
  projectId: string,
  opts: {
    promptSet: string;
    rows: ReferenceRow[];
    parseErrors?: ReferenceRowError[];
    readFile: (file: string) => Promise<MediaInput | null>;
  },
): Promise<ReferenceImportReport> {
  const { db, storage } = runtime;
  const set = await db.promptSet.findUnique({
    where: { projectId_name: { projectId, name: opts.promptSet } },
  });
  if (!set)
    throw new TRPCError({
      code: "NOT_FOUND",
      message: `no prompt set named "${opts.promptSet}" in this project`,
    });
  const prompts = await PromptIndex.load(db, set.id, set.name);

  const out: ReferenceImportRow[] = (opts.parseErrors ?? []).map((e) => ({
    line: e.line,
    ...(e.file ? { file: e.file } : {}),
    status: "error",
    reason: e.message,
  }));
  for (const row of opts.rows) {
    const base = { line: row.line, file: row.file };
    const target = prompts.resolve({ promptId: row.promptId, prompt: row.prompt, seed: 0n, stem: undefined });
    if ("error" in target) {
      out.push({ ...base, status: "error", reason: target.error });
      continue;
    }
    const key = { promptId: target.ok.promptId, role: row.role, position: row.position };
    if (await db.promptReference.findUnique({ where: { promptId_role_position: key } })) {
      out.push({
        ...base,
        status: "duplicate",
        reason: `the prompt already has a ${row.role} reference at position ${row.position}`,
      });
      continue;
    }
    const input = await opts.readFile(row.file);
    if (!input) {
      out.push({ ...base, status: "error", reason: "no such file" });
      continue;
    }
    try {
      const media = await ingestMedia(storage, input);
      await db.$transaction(async (tx) => {
        const asset = await tx.asset.upsert({
          where: { sha256: media.sha256 },
          update: {},
          create: { ...media, bytes: BigInt(media.bytes) },
        });
        await tx.promptReference.create({ data: { ...key, assetId: asset.id } });
      });
      out.push({ ...base, status: "imported" });
    } catch (err) {
      if (err instanceof MediaRejectedError) out.push({ ...base, status: "error", reason: err.message });
      else if (isUniqueViolation(err))
        out.push({ ...base, status: "duplicate", reason: "imported by another request at the same moment" });
      else throw err;
    }
  }
  out.sort((a, b) => a.line - b.line);
  return {
    promptSet: { id: set.id, name: set.name },
    rows: out,
    totals: importTotals(out),
  };
}
