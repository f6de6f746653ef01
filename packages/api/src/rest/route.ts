/** One REST route: a method, a resource pattern under /projects/:slug/, the role it needs. */
import type { ProjectRole } from "@loupe/db";
import type { Runtime } from "../runtime";
import type { ApiCaller } from "./authenticate";

export type Route = {
  method: string;
  /** Path after /projects/:slug/, with `:id` for a path parameter. */
  resource: string;
  role: ProjectRole;
  run: (ctx: RouteContext) => Promise<Response>;
};

export type RouteContext = { runtime: Runtime; caller: ApiCaller; req: Request; id: string };

export async function readJson(req: Request): Promise<unknown> {
  try {
    return await req.json();
  } catch {
    throw Object.assign(new Error("body must be JSON"), { status: 400 });
  }
}
