/**
 * A registered evaluator model, ready to run: its sessions from the session pool (every file
 * checked against its registered sha256), its preprocessing, and — for CLIP-style models — the
 * tokenizer and text encoder. Loaded once per process per model and file version.
 */
import fs from "node:fs";
import path from "node:path";
import type * as ort from "onnxruntime-node";
import type { PreprocessSpec, PresetName } from "../preprocess/spec";
import { preprocess } from "../preprocess/pipelines";
import { filesOf, preprocessOf, type EvaluatorModelSpec } from "../models/model-spec";
import { loadSession, ModelFileError, sha256OfFile, type LoadedSession } from "../runtime/session-pool";
import { ClipTokenizer } from "./clip-tokenizer";
import { ImageEncoder } from "./image-encoder";
import { TextEncoder } from "./text-encoder";

export interface LoadedEvaluatorModel {
  name: string;
  spec: EvaluatorModelSpec;
  image: ImageEncoder;
  /** CLIP-style models only. */
  text?: TextEncoder;
  /** The image model's session (LPIPS runs it on image pairs itself). */
  session: ort.InferenceSession;
  /** How images are prepared for it (for frames already decoded: preprocessRgb). */
  preprocessing: PreprocessSpec | PresetName;
  /** The execution provider the image encoder runs on. */
  provider: LoadedSession["provider"];
  /**
   * Identifies what the image encoder computes — model, file version, preprocessing — so cached
   * features are reused only for the very same computation.
   */
  encoderKey: string;
}

const loaded = new Map<string, Promise<LoadedEvaluatorModel>>();
const currentKey = new Map<string, string>();

export function loadEvaluatorModel(name: string, spec: EvaluatorModelSpec): Promise<LoadedEvaluatorModel> {
  // A file replaced in place is a different model: its size and time are part of the key, so the
  // session pool checks it against the registered sha256 again.
  const versions = Object.values(filesOf(spec)).map((f) => {
    const stat = fs.statSync(f.path, { throwIfNoEntry: false });
    return stat ? `${stat.size}:${stat.mtimeMs}` : "missing";
  });
  const key = `${name}|${JSON.stringify(spec)}|${versions.join(",")}`;
  let entry = loaded.get(key);
  if (!entry) {
    // The same model's previous version (files replaced, spec changed) is dropped with it.
    const previous = currentKey.get(name);
    if (previous !== undefined && previous !== key) loaded.delete(previous);
    currentKey.set(name, key);
    entry = load(name, spec);
    loaded.set(key, entry);
    entry.catch(() => loaded.delete(key));
  }
  return entry;
}

async function load(name: string, spec: EvaluatorModelSpec): Promise<LoadedEvaluatorModel> {
  const preprocessing = preprocessOf(spec);
  const imageSession = await loadSession({
    path: spec.image.path,
    sha256: spec.image.sha256,
    executionProvider: spec.executionProvider,
  });
  const image = new ImageEncoder(
    imageSession.session,
    (bytes) => preprocess(bytes, preprocessing.spec),
    spec.batchSize,
  );
  let text: TextEncoder | undefined;
  if (spec.kind === "clip") {
    const tokenizerFile = spec.tokenizer.path;
    if ((await sha256OfFile(tokenizerFile).catch(() => "missing")) !== spec.tokenizer.sha256) {
      throw new ModelFileError(`${tokenizerFile} is missing or changed since ${name} was registered`);
    }
    const tokenizer = ClipTokenizer.load(path.dirname(tokenizerFile), {
      contextLength: spec.contextLength,
      padId: spec.padId,
    });
    const textSession = await loadSession({
      path: spec.text.path,
      sha256: spec.text.sha256,
      executionProvider: spec.executionProvider,
    });
    text = new TextEncoder(textSession.session, tokenizer, spec.batchSize);
  }
  return {
    name,
    spec,
    image,
    text,
    session: imageSession.session,
    preprocessing: preprocessing.spec,
    provider: imageSession.provider,
    encoderKey: `${name}:${spec.image.sha256.slice(0, 16)}:${preprocessing.name}`,
  };
}
