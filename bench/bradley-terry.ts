/**
 * Bradley–Terry ratings at scale: 1,000,000 judgments over 50 models → ratings with 1,000
 * bootstrap rounds (the target: under 2 s). Pure computation, no I/O.
 *
 * The judgments are drawn from known strengths (ratings spread evenly over 800–1300, a 20-point
 * advantage for the left side, 15 % ties), every pair equally often, each side randomized. Timed:
 * aggregation (`sideCountsOf`, O(judgments)) and the fit with its bootstrap (`bootstrapBradleyTerry`
 * on the counts, O(rounds · models²)), with and without the position term. Generating the
 * judgments is not timed. Figures are wall-clock; the CPU time beside them shows how much of it
 * other processes on a busy machine took away.
 */
import type { PairwiseJudgment } from "../packages/stats/src/outcomes";
import { seededRandom } from "../packages/stats/src/random";
import { bootstrapBradleyTerry, sideCountsOf } from "../packages/stats/src/bradley-terry/index";

const MODELS = 50;
const JUDGMENTS = 1_000_000;
const ROUNDS = 1000;

function drawJudgments(): { judgments: PairwiseJudgment[]; truth: number[] } {
  const random = seededRandom(2024);
  const truth = Array.from({ length: MODELS }, (_, i) => 800 + (500 * i) / (MODELS - 1));
  const names = truth.map((_, i) => `model-${String(i).padStart(2, "0")}`);
  const judgments: PairwiseJudgment[] = [];
  for (let r = 0; r < JUDGMENTS; r++) {
    const a = random.int(MODELS);
    let b = random.int(MODELS - 1);
    if (b >= a) b++;
    const leftWasA = random.next() < 0.5;
    const left = leftWasA ? a : b;
    const right = leftWasA ? b : a;
    const u = random.next();
    const pLeft = 1 / (1 + 10 ** ((truth[right]! - truth[left]! - 20) / 400));
    let outcome: PairwiseJudgment["outcome"];
    if (u < 0.15) outcome = "tie";
    else outcome = random.next() < pLeft === leftWasA ? "A" : "B";
    judgments.push({
      itemId: `item-${r}`,
      promptId: `prompt-${r % 2000}`,
      raterId: `rater-${r % 300}`,
      modelA: names[a]!,
      modelB: names[b]!,
      outcome,
      leftWasA,
    });
  }
  return { judgments, truth };
}

export async function benchBradleyTerry() {
  const { judgments } = drawJudgments();
  const figures: string[] = [];
  for (const positionAdvantage of [false, true]) {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const counts = sideCountsOf(judgments);
    const t1 = performance.now();
    const result = bootstrapBradleyTerry({ counts }, { rounds: ROUNDS, seed: 7, positionAdvantage });
    const t2 = performance.now();
    const cpu = process.cpuUsage(cpu0);
    const widest = Math.max(...result.ratings.map((r) => r.interval.high - r.interval.low));
    figures.push(
      `${positionAdvantage ? "with" : "without"} position term ${(t2 - t0).toFixed(0)} ms ` +
        `(CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms) ` +
        `(aggregation ${(t1 - t0).toFixed(0)} ms, fit + ${ROUNDS} rounds ${(t2 - t1).toFixed(0)} ms; ` +
        `${counts.length} ordered pairs, widest 95 % interval ${widest.toFixed(1)} points)`,
    );
  }
  return {
    name: `Bradley–Terry, ${JUDGMENTS.toLocaleString("en")} judgments × ${MODELS} models, ${ROUNDS} bootstrap rounds`,
    summary: figures.join("; "),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchBradleyTerry();
  console.log(`${r.name}: ${r.summary}`);
}
