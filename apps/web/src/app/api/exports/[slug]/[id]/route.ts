import { handleSessionExportDownload } from "@loupe/api/rest";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The Datasets page's download: an export as one tar archive. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  return handleSessionExportDownload(getRuntime(), req, slug, id);
}
