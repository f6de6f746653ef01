import { serveMedia } from "@loupe/media";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const runtime = getRuntime();
  return serveMedia(req, token, { storage: runtime.storage, secret: runtime.secret });
}
