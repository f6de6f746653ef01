import { handleRestRequest } from "@loupe/api/rest";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const handler = (req: Request) => handleRestRequest(getRuntime(), req);

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
