/**
 * Tiny real media made by ffmpeg's synthetic sources (lavfi testsrc / sine), for tests: a video
 * or audio file that every tool really decodes, without committing binary fixtures.
 */
import fsp from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { runTool } from "./ffmpeg-binaries";

export type TestMediaSpec =
  | { kind: "mp4"; seconds?: number; width?: number; height?: number; audio?: boolean; color?: string }
  | { kind: "webm"; seconds?: number; width?: number; height?: number }
  | { kind: "mov-prores"; seconds?: number }
  | { kind: "wav" | "mp3" | "ogg" | "flac" | "m4a"; seconds?: number; frequency?: number };

function args(spec: TestMediaSpec, out: string): string[] {
  const seconds = spec.seconds ?? 1;
  const video = (w = 64, h = 48) => [
    "-f",
    "lavfi",
    "-i",
    `testsrc=size=${w}x${h}:rate=10:duration=${seconds}`,
  ];
  const sine = (f = 440) => ["-f", "lavfi", "-i", `sine=frequency=${f}:duration=${seconds}`];
  switch (spec.kind) {
    case "mp4":
      return [
        ...(spec.color
          ? [
              "-f",
              "lavfi",
              "-i",
              `color=c=${spec.color}:size=${spec.width ?? 64}x${spec.height ?? 48}:rate=10:duration=${seconds}`,
            ]
          : video(spec.width, spec.height)),
        ...(spec.audio ? sine() : []),
        ...["-c:v", "libx264", "-pix_fmt", "yuv420p", "-movflags", "+faststart"],
        ...(spec.audio ? ["-c:a", "aac", "-shortest"] : []),
        out,
      ];
    case "webm":
      return [...video(spec.width, spec.height), "-c:v", "libvpx-vp9", out];
    case "mov-prores":
      return [...video(), "-c:v", "prores", out];
    case "wav":
      return [...sine(spec.frequency), out];
    case "mp3":
      return [...sine(spec.frequency), "-c:a", "libmp3lame", out];
    case "ogg":
      return [...sine(spec.frequency), "-c:a", "libvorbis", out];
    case "flac":
      return [...sine(spec.frequency), "-c:a", "flac", out];
    case "m4a":
      return [...sine(spec.frequency), "-c:a", "aac", out];
  }
}

const EXTENSION: Record<TestMediaSpec["kind"], string> = {
  mp4: "mp4",
  webm: "webm",
  "mov-prores": "mov",
  wav: "wav",
  mp3: "mp3",
  ogg: "ogg",
  flac: "flac",
  m4a: "m4a",
};

/** The bytes of a small synthetic media file. */
export async function makeTestMedia(spec: TestMediaSpec): Promise<Buffer> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), "loupe-testmedia-"));
  try {
    const out = path.join(dir, `out.${EXTENSION[spec.kind]}`);
    await runTool("ffmpeg", ["-nostdin", "-v", "error", "-y", ...args(spec, out)], { timeoutMs: 60_000 });
    return await fsp.readFile(out);
  } finally {
    await fsp.rm(dir, { recursive: true, force: true });
  }
}
