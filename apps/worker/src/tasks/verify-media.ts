import crypto from "node:crypto";
import type { Db } from "@loupe/db";
import type { MediaStorage } from "@loupe/media";
import type { verifyMedia } from "@loupe/jobs";
import type { JobHandler } from "../job-run";

async function sha256Of(storage: MediaStorage, sha: string): Promise<string> {
  const hash = crypto.createHash("sha256");
  for await (const chunk of storage.createReadStream(sha)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Re-hash every original and thumbnail of a project's assets; fail listing what is missing or corrupt. */
export function verifyMediaHandler(db: Db, storage: MediaStorage): JobHandler<typeof verifyMedia> {
  return async ({ projectId }, { progress }) => {
    const assets = await db.asset.findMany({
      where: {
        OR: [
          { outputs: { some: { projectId } } },
          { references: { some: { prompt: { promptSet: { projectId } } } } },
        ],
      },
      select: { sha256: true, thumbnailSha256: true },
      orderBy: { sha256: "asc" },
    });
    const problems: string[] = [];
    await progress(0, assets.length, "checking files");
    for (const [i, a] of assets.entries()) {
      for (const sha of [a.sha256, a.thumbnailSha256].filter((s): s is string => !!s)) {
        if (!(await storage.has(sha))) problems.push(`${sha.slice(0, 12)}… missing`);
        else if ((await sha256Of(storage, sha)) !== sha) problems.push(`${sha.slice(0, 12)}… corrupt`);
      }
      if (i % 20 === 19 || i === assets.length - 1) await progress(i + 1, assets.length);
    }
    if (problems.length > 0) {
      throw new Error(`${problems.length} file(s) failed verification: ${problems.slice(0, 5).join(", ")}`);
    }
    await progress(assets.length, assets.length, `${assets.length} assets verified`);
  };
}
