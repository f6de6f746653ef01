/**
 * A job is defined once — its name, its payload schema, how often to retry — and both sides use
 * that one definition: enqueuers (web, CLI) to validate what they add, the worker to validate
 * what it runs.
 */
import type { z } from "zod";

export type JobDefinition<Name extends string = string, Payload extends z.ZodType = z.ZodType> = {
  name: Name;
  /** Shown on the Jobs page. */
  title: string;
  payload: Payload;
  /** Attempts before the job is marked failed (graphile-worker retries with exponential backoff). */
  maxAttempts: number;
};

export function defineJob<Name extends string, Payload extends z.ZodType>(def: JobDefinition<Name, Payload>) {
  return def;
}

export type JobPayload<D extends JobDefinition> = z.infer<D["payload"]>;
