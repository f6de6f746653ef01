import { Prisma } from "./generated/prisma/client";

/**
 * Whether an error is PostgreSQL's unique violation (SQLSTATE 23505), however it reached us:
 * Prisma's P2002 from a model query, or a raw query's driver error that carries the code.
 * Callers use it to turn a race on a unique key into "someone else got there first".
 */
export function isUniqueViolation(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") return true;
  return err instanceof Error && /23505|unique constraint/i.test(err.message);
}
