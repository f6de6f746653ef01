import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/prisma/client";

export type Db = PrismaClient;

/**
 * A Prisma client over node-postgres (Prisma 7's Rust-free client needs a driver adapter).
 *
 * Interactive transactions may wait up to 10 s for a pooled connection (Prisma's default is 2 s):
 * under a burst — hundreds of raters submitting at once on a small pool — a request that queues
 * a little longer is far better than one that fails with "Unable to start a transaction".
 */
export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 10_000 } });
}
