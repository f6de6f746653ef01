import { handleSessionUpload } from "@loupe/api/rest";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

/** The pages' import uploads (prompt files, outputs): multipart in, per-row report out. */
export async function POST(req: Request, { params }: { params: Promise<{ slug: string; kind: string }> }) {
  const { slug, kind } = await params;
  return handleSessionUpload(getRuntime(), req, slug, kind);
}
