import "server-only";
import { notFound } from "next/navigation";

/** Await a caller query, turning the API's NOT_FOUND into the not-found page. */
export async function orNotFound<T>(query: Promise<T>): Promise<T> {
  return query.catch((err: unknown) => {
    if (typeof err === "object" && err !== null && "code" in err && err.code === "NOT_FOUND") notFound();
    throw err;
  });
}
