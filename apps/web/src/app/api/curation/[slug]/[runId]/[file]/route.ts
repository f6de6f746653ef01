import { handleCurationOutputDownload } from "@loupe/api/rest";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The curation run page's downloads: the kept set, the dropped set, the near-duplicates. */
export async function GET(
  req: Request,
  { params }: { params: Promise<{ slug: string; runId: string; file: string }> },
) {
  const { slug, runId, file } = await params;
  return handleCurationOutputDownload(getRuntime(), req, slug, runId, file);
}
