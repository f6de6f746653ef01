/**
 * ONNX Runtime sessions for model files the user registered: one session per (file, its size and
 * time, registered sha256, execution provider, GPU) per process, shared by every caller — creating
 * a session costs seconds for a large encoder. The file is checked against its registered sha256
 * before it is loaded, so a replaced or corrupted file is refused rather than silently scored with.
 *
 * Execution provider: "auto" asks for CUDA only where onnxruntime-node has its CUDA provider
 * library (its npm package ships CPU binaries; the CUDA ones come from its install script or a copy
 * the user puts there) and falls back to CPU; "cuda" insists; "cpu" never tries. The provider that
 * actually runs is returned, so results can record it.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import * as ort from "onnxruntime-node";
import { sha256OfInput } from "@loupe/media";

const require = createRequire(import.meta.url);

export type ExecutionProvider = "auto" | "cpu" | "cuda";

export interface SessionRequest {
  path: string;
  /** Registered sha256 (hex); the file must match it. */
  sha256?: string;
  executionProvider?: ExecutionProvider;
  /** CUDA device id. */
  deviceId?: number;
}

export interface LoadedSession {
  session: ort.InferenceSession;
  provider: "cpu" | "cuda";
}

/** A model file that is missing, changed since registration, or not a model ONNX Runtime loads. */
export class ModelFileError extends Error {
  override name = "ModelFileError";
}

const sessions = new Map<string, Promise<LoadedSession>>();
/**
 * The current key of each (file, provider, GPU): when a file is replaced, the session of its old
 * version leaves the pool, so a long-running worker does not keep every version of a large encoder
 * in memory. It is not released here — a run may still hold it — and ONNX Runtime frees it once
 * nothing refers to it.
 */
const currentKey = new Map<string, string>();

/** How many sessions the pool holds (for diagnostics and tests). */
export function sessionPoolSize(): number {
  return sessions.size;
}

export function loadSession(request: SessionRequest): Promise<LoadedSession> {
  const stat = fs.statSync(request.path, { throwIfNoEntry: false });
  if (!stat?.isFile()) {
    return Promise.reject(new ModelFileError(`the model file ${request.path} does not exist`));
  }
  const provider = request.executionProvider ?? "auto";
  const key = [
    request.path,
    stat.size,
    stat.mtimeMs,
    request.sha256 ?? "",
    provider,
    request.deviceId ?? 0,
  ].join("|");
  let entry = sessions.get(key);
  if (!entry) {
    const slot = [request.path, provider, request.deviceId ?? 0].join("|");
    const previous = currentKey.get(slot);
    if (previous !== undefined && previous !== key) sessions.delete(previous);
    currentKey.set(slot, key);
    entry = createSession(request, provider);
    sessions.set(key, entry);
    entry.catch(() => sessions.delete(key));
  }
  return entry;
}

async function createSession(request: SessionRequest, provider: ExecutionProvider): Promise<LoadedSession> {
  if (request.sha256) {
    const actual = await sha256OfFile(request.path);
    if (actual !== request.sha256) {
      throw new ModelFileError(
        `${request.path} has sha256 ${actual.slice(0, 12)}…, not the registered ${request.sha256.slice(0, 12)}…: the file changed since it was registered (register it again if that was intended)`,
      );
    }
  }
  if (provider === "cuda" || (provider === "auto" && cudaProviderInstalled())) {
    try {
      const session = await ort.InferenceSession.create(request.path, {
        executionProviders: [{ name: "cuda", deviceId: request.deviceId ?? 0 }],
      });
      return { session, provider: "cuda" };
    } catch (err) {
      if (provider === "cuda") {
        throw new ModelFileError(
          `the CUDA execution provider is not available here: ${(err as Error).message}`,
        );
      }
    }
  }
  try {
    return {
      session: await ort.InferenceSession.create(request.path, { executionProviders: ["cpu"] }),
      provider: "cpu",
    };
  } catch (err) {
    throw new ModelFileError(`cannot load the ONNX model ${request.path}: ${(err as Error).message}`);
  }
}

/** sha256 of a file, streamed (encoders can be gigabytes): the media package's own hashing. */
export const sha256OfFile = (file: string): Promise<string> => sha256OfInput({ path: file });

/** Whether onnxruntime-node's CUDA provider library is next to its binding. */
export function cudaProviderInstalled(): boolean {
  try {
    const root = path.dirname(require.resolve("onnxruntime-node/package.json"));
    const dir = path.join(root, "bin", "napi-v6", process.platform, process.arch);
    return fs.existsSync(path.join(dir, "libonnxruntime_providers_cuda.so"));
  } catch {
    return false;
  }
}
