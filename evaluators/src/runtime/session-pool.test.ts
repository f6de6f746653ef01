import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as ort from "onnxruntime-node";
import { afterAll, describe, expect, it } from "vitest";
import { onnxModel } from "../onnx/model-proto";
import { loadSession, ModelFileError, sessionPoolSize, sha256OfFile } from "./session-pool";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "loupe-session-pool-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** y = x + c, so two versions of "the same" file give different answers. */
const addModel = (c: number) =>
  onnxModel({
    name: "add",
    inputs: [{ name: "x", type: "float", shape: [1] }],
    outputs: [{ name: "y", type: "float", shape: [1] }],
    nodes: [{ op: "Add", inputs: ["x", "c"], outputs: ["y"] }],
    initializers: [{ name: "c", dims: [1], data: Float32Array.of(c) }],
  });

const run = async (session: ort.InferenceSession) =>
  ((await session.run({ x: new ort.Tensor("float32", Float32Array.of(1), [1]) })).y!.data as Float32Array)[0];

describe("loadSession", () => {
  it("shares one session per file version, and drops the old version's when the file is replaced", async () => {
    const file = path.join(dir, "model.onnx");
    fs.writeFileSync(file, addModel(1));
    const size = sessionPoolSize();
    const first = await loadSession({ path: file, executionProvider: "cpu" });
    expect(await loadSession({ path: file, executionProvider: "cpu" })).toBe(first);
    expect(await run(first.session)).toBe(2);
    expect(sessionPoolSize()).toBe(size + 1);

    fs.writeFileSync(file, addModel(10.5));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    const second = await loadSession({ path: file, executionProvider: "cpu" });
    expect(second).not.toBe(first);
    expect(await run(second.session)).toBe(11.5);
    // The replaced version left the pool: still one session for this file.
    expect(sessionPoolSize()).toBe(size + 1);
  });

  it("refuses a file whose sha256 is not the registered one, and a missing file", async () => {
    const file = path.join(dir, "registered.onnx");
    fs.writeFileSync(file, addModel(1));
    const sha256 = await sha256OfFile(file);
    await expect(loadSession({ path: file, sha256, executionProvider: "cpu" })).resolves.toBeTruthy();
    fs.writeFileSync(file, addModel(2));
    fs.utimesSync(file, new Date(), new Date(Date.now() + 5000));
    await expect(loadSession({ path: file, sha256, executionProvider: "cpu" })).rejects.toThrow(
      /the file changed since it was registered/,
    );
    await expect(loadSession({ path: path.join(dir, "nope.onnx") })).rejects.toBeInstanceOf(ModelFileError);
  });
});
