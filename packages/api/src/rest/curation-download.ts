/**
 * A curation run's outputs for the run page's download links (`GET /api/curation/:slug/:runId/:file`):
 * kept, dropped or duplicates, or one of the kept set's WebDataset shards (kept-00000, …) or clip shards (clips-00000, …), as
 * stored, for a signed-in member with the curator role.
 */
import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import type { CurationOutput, CurationOutputs } from "../curation/summary";
import type { Runtime } from "../runtime";
import { errorResponse } from "./respond";
import { sessionMembership } from "./session-upload";

/** Download names, and the output each one is. */
const FILES = {
  kept: "kept",
  dropped: "dropped",
  duplicates: "duplicates",
  "semantic-duplicates": "semanticDuplicates",
} as const satisfies Record<string, keyof CurationOutputs>;
const CONTENT_TYPES = {
  parquet: "application/vnd.apache.parquet",
  jsonl: "application/x-ndjson",
  tar: "application/x-tar",
} as const;

export async function handleCurationOutputDownload(
  runtime: Runtime,
  req: Request,
  slug: string,
  runId: string,
  file: string,
): Promise<Response> {
  try {
    const membership = await sessionMembership(runtime, req, slug, "curator");
    if (membership instanceof Response) return membership;
    const run = await runtime.db.curationRun.findFirst({
      where: { id: runId, projectId: membership.project.id },
      select: { status: true, outputs: true },
    });
    if (!run) throw new TRPCError({ code: "NOT_FOUND", message: "No such curation run in this project." });
    const outputs = run.outputs as CurationOutputs | null;
    const name = Object.hasOwn(FILES, file) ? FILES[file as keyof typeof FILES] : undefined;
    const shardSet = /^kept-\d{5}$/.test(file)
      ? outputs?.webdataset
      : /^clips-\d{5}$/.test(file)
        ? (outputs?.clips ?? [])
        : null;
    const shard = shardSet?.find((s) => s.fileName === `${file}.tar`);
    if (!name && !shardSet)
      throw new TRPCError({
        code: "NOT_FOUND",
        message: `No output "${file}" (${Object.keys(FILES).join(", ")}, or a WebDataset shard kept-00000 or clips-00000, …).`,
      });
    const output = name ? (outputs?.[name] as CurationOutput | null | undefined) : shard;
    if (!output)
      throw new TRPCError({
        code: run.status === "done" ? "NOT_FOUND" : "CONFLICT",
        message:
          run.status === "done" ? `This run has no output "${file}".` : `The run is ${run.status}, not done.`,
      });
    const body = Readable.toWeb(
      runtime.storage.createReadStream(output.sha256),
    ) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "content-type": CONTENT_TYPES[output.format],
        "content-length": String(output.bytes),
        "content-disposition": `attachment; filename="${output.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
