/**
 * A curation run's outputs for the run page's download links (`GET /api/curation/:slug/:runId/:file`):
 * kept, dropped or duplicates, as stored, for a signed-in member with the curator role.
 */
import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import type { CurationOutputs } from "../curation/summary";
import type { Runtime } from "../runtime";
import { errorResponse } from "./respond";
import { sessionMembership } from "./session-upload";

const FILES = ["kept", "dropped", "duplicates"] as const;

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
    const name = FILES.find((f) => f === file);
    if (!name)
      throw new TRPCError({ code: "NOT_FOUND", message: `No output "${file}" (${FILES.join(", ")}).` });
    const output = (run.outputs as CurationOutputs | null)?.[name];
    if (!output)
      throw new TRPCError({
        code: "CONFLICT",
        message:
          run.status === "done" ? `This run has no ${name} output.` : `The run is ${run.status}, not done.`,
      });
    const body = Readable.toWeb(
      runtime.storage.createReadStream(output.sha256),
    ) as ReadableStream<Uint8Array>;
    return new Response(body, {
      headers: {
        "content-type":
          output.format === "parquet" ? "application/vnd.apache.parquet" : "application/x-ndjson",
        "content-length": String(output.bytes),
        "content-disposition": `attachment; filename="${output.fileName}"`,
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
