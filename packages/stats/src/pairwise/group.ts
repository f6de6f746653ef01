import type { PairwiseJudgment } from "../outcomes";
import type { ClusterCounts } from "./cluster-bootstrap";
import { canonicalColumn, compareByModels, isFlipped } from "./tally";

/** One model pair (modelA < modelB) with its judgments counted per prompt. */
export type PairClusters = { modelA: string; modelB: string; clusters: ClusterCounts };

/**
 * Counts per (pair, prompt) in one pass over the judgments: for each canonical pair, one row per
 * prompt of (A wins, B wins, ties, both bad). This is all a bootstrap round reads.
 *
 * Built with typed arrays and one prompt index shared by all pairs, not a Map per pair: at a million
 * judgments, inserting into per-pair Maps dominated the cost. A pair's prompts come out in code-unit
 * order of their ids, so the rows — and so seeded bootstrap intervals — do not depend on the order the
 * judgments arrived in (a database gives no order unless asked). `alsoPairs` are included even if no
 * judgment mentions them (with no rows). Pairs are sorted by modelA, then modelB.
 */
export function countByPairAndPrompt(
  judgments: readonly PairwiseJudgment[],
  alsoPairs: readonly { modelA: string; modelB: string }[] = [],
): PairClusters[] {
  const pairs: { modelA: string; modelB: string }[] = [];
  const pairIndex = new Map<string, Map<string, number>>();
  const indexOfPair = (first: string, second: string): number => {
    let bySecond = pairIndex.get(first);
    if (!bySecond) pairIndex.set(first, (bySecond = new Map()));
    let index = bySecond.get(second);
    if (index === undefined) {
      index = pairs.length;
      bySecond.set(second, index);
      pairs.push({ modelA: first, modelB: second });
    }
    return index;
  };
  for (const { modelA, modelB } of alsoPairs) {
    if (modelA <= modelB) indexOfPair(modelA, modelB);
    else indexOfPair(modelB, modelA);
  }

  // Pass 1: pair, prompt and outcome column of every judgment, as numbers.
  const n = judgments.length;
  const pairOf = new Int32Array(n);
  const promptOf = new Int32Array(n);
  const columnOf = new Uint8Array(n);
  const promptIndex = new Map<string, number>();
  const promptIds: string[] = [];
  for (let j = 0; j < n; j++) {
    const judgment = judgments[j]!;
    columnOf[j] = canonicalColumn(judgment);
    pairOf[j] = isFlipped(judgment)
      ? indexOfPair(judgment.modelB, judgment.modelA)
      : indexOfPair(judgment.modelA, judgment.modelB);
    let prompt = promptIndex.get(judgment.promptId);
    if (prompt === undefined) {
      prompt = promptIds.length;
      promptIndex.set(judgment.promptId, prompt);
      promptIds.push(judgment.promptId);
    }
    promptOf[j] = prompt;
  }

  // Prompt ranks in code-unit order of their ids (the order clusters take within a pair).
  const byId = Int32Array.from(promptIds.keys()).sort((left, right) => {
    const a = promptIds[left]!;
    const b = promptIds[right]!;
    return a < b ? -1 : a > b ? 1 : 0;
  });
  const rankOf = new Int32Array(promptIds.length);
  byId.forEach((prompt, rank) => (rankOf[prompt] = rank));

  // Bucket judgments by pair (a counting sort), then count each pair's prompts with one shared map
  // from prompt to cluster, reset after each pair.
  const starts = new Int32Array(pairs.length + 1);
  for (let j = 0; j < n; j++) starts[pairOf[j]! + 1]!++;
  for (let p = 0; p < pairs.length; p++) starts[p + 1]! += starts[p]!;
  const order = new Int32Array(n);
  const fill = starts.slice(0, pairs.length);
  for (let j = 0; j < n; j++) order[fill[pairOf[j]!]!++] = j;

  const clusterOf = new Int32Array(promptIds.length).fill(-1);
  const result: PairClusters[] = pairs.map(({ modelA, modelB }, p) => {
    const from = starts[p]!;
    const to = starts[p + 1]!;
    const ranks: number[] = [];
    for (let k = from; k < to; k++) {
      const prompt = promptOf[order[k]!]!;
      if (clusterOf[prompt] === -1) {
        clusterOf[prompt] = 0;
        ranks.push(rankOf[prompt]!);
      }
    }
    const sortedRanks = Int32Array.from(ranks).sort();
    sortedRanks.forEach((rank, cluster) => (clusterOf[byId[rank]!] = cluster));
    const counts = new Int32Array(sortedRanks.length * 4);
    for (let k = from; k < to; k++) {
      const j = order[k]!;
      counts[clusterOf[promptOf[j]!]! * 4 + columnOf[j]!]!++;
    }
    for (let k = from; k < to; k++) clusterOf[promptOf[order[k]!]!] = -1;
    return { modelA, modelB, clusters: { clusters: sortedRanks.length, columns: 4, counts } };
  });
  return result.sort(compareByModels);
}
