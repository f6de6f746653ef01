import { z } from "zod";
import { defineJob } from "./define";

/** Re-read every stored file of a project's assets and check it still hashes to its sha256. */
export const verifyMedia = defineJob({
  name: "media.verify",
  title: "Verify media storage",
  payload: z.object({ projectId: z.string().min(1) }),
  maxAttempts: 3,
});

export const jobDefinitions = { verifyMedia } as const;

export const jobDefinitionsByName: ReadonlyMap<string, (typeof jobDefinitions)[keyof typeof jobDefinitions]> =
  new Map(Object.values(jobDefinitions).map((d) => [d.name, d]));
