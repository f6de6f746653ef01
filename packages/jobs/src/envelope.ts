import { z } from "zod";

/** What every graphile-worker job carries: the JobRun it reports to, and its own payload. */
export const jobEnvelopeSchema = z.object({ jobRunId: z.string().min(1), payload: z.unknown() });
