/**
 * The body of a decision thread (see decision-pool.ts): it rebuilds the pipeline from the
 * definition it was started with and decides the items it is sent, one message each.
 */
import { parentPort, workerData } from "node:worker_threads";
import { parsePipeline } from "../pipeline-definition";
import type { SourceItem } from "../sources/item";
import type { ModelRegistry } from "../stages/stage";
import { decideSourceItem } from "./decide-shard";

type Start = { definition: unknown; models: [string, RegisteredModel][] };
type RegisteredModel = ModelRegistry extends ReadonlyMap<string, infer V> ? V : never;

const { definition, models } = workerData as Start;
const pipeline = parsePipeline(definition);
const registry: ModelRegistry = new Map(models);

parentPort!.on("message", (message: { id: number; item: SourceItem }) => {
  void decideSourceItem(message.item, pipeline, registry).then(
    (decision) => parentPort!.postMessage({ id: message.id, decision }),
    (err: unknown) => parentPort!.postMessage({ id: message.id, error: (err as Error).message }),
  );
});
