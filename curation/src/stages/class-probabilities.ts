/**
 * A classifier's outputs as probabilities, as its registration says: softmax over the classes
 * (max-subtracted, so large logits do not overflow), sigmoid per class, or as they are.
 */
export function classProbabilities(
  outputs: Float32Array,
  spec: { labels: readonly string[]; activation: "softmax" | "sigmoid" | "none" },
): number[] {
  if (outputs.length !== spec.labels.length)
    throw new Error(
      `the classifier gave ${outputs.length} outputs for its ${spec.labels.length} labels (${spec.labels.join(", ")})`,
    );
  const values = Array.from(outputs);
  if (spec.activation === "sigmoid") return values.map((x) => 1 / (1 + Math.exp(-x)));
  if (spec.activation === "none") return values;
  const max = Math.max(...values);
  const exps = values.map((x) => Math.exp(x - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
