import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const handler = (req: Request) => getRuntime().auth.handler(req);

export { handler as GET, handler as POST };
