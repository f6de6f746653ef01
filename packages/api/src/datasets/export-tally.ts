/**
 * What an export's manifest says about its rows, counted as batches of rows stream past: rows,
 * prompts and labels per split, judgments per source study, and the agreement of the exported
 * items' raters (the mean share of each item's most common answer, and Krippendorff's α).
 *
 * α needs only each item's multiset of answers (which rater gave which does not enter nominal α),
 * so items are kept as counts of identical answer patterns — "2 A, 1 tie" ×417 — with the pattern's
 * count as the unit's frequency weight: memory is a handful of patterns however many items there
 * are, and α is exactly the one computed over every item.
 */
import { krippendorffAlpha } from "@loupe/stats";
import type { Split } from "./export-config";
import type { ExportRow } from "./formats/export-row";
import type { ExportManifest, SplitCounts } from "./manifest";
import type { JudgedPair, Preference } from "./preference-rows";

export class ExportTally {
  private readonly splits: Partial<Record<Split, SplitCounts>> = {};
  private readonly judgmentsByStudy = new Map<string, number>();
  private rows = 0;
  private items = 0;
  private itemsWithTwoOrMore = 0;
  private agreementSum = 0;
  private readonly answerPatterns = new Map<string, number>();

  constructor(private readonly counted: (j: JudgedPair) => boolean) {}

  /** Judgments read (answered on the axis), before any exclusion. */
  addJudged(judged: readonly JudgedPair[]): void {
    for (const j of judged)
      this.judgmentsByStudy.set(j.studyId, (this.judgmentsByStudy.get(j.studyId) ?? 0) + 1);
  }

  /**
   * A batch's exported rows and the judgments they came from; a batch holds whole prompts, so a
   * prompt (and an item) is counted in one batch only.
   */
  addRows(rows: readonly ExportRow[], judged: readonly JudgedPair[]): void {
    const promptsBySplit = new Map<Split, Set<string>>();
    const items = new Map<string, ExportRow>();
    for (const r of rows) {
      const c = (this.splits[r.split] ??= { rows: 0, prompts: 0, a: 0, b: 0, tie: 0 });
      c.rows++;
      c[r.preference]++;
      const prompts = promptsBySplit.get(r.split) ?? new Set<string>();
      if (!prompts.has(r.promptId)) {
        prompts.add(r.promptId);
        c.prompts++;
      }
      promptsBySplit.set(r.split, prompts);
      items.set(r.itemId, r);
    }
    this.rows += rows.length;
    this.items += items.size;
    for (const r of items.values()) {
      if (r.judgments < 2) continue;
      this.itemsWithTwoOrMore++;
      this.agreementSum += r.agreement;
    }
    const answers = new Map<string, Record<Preference, number>>();
    for (const j of judged) {
      if (!items.has(j.taskId) || !this.counted(j)) continue;
      const n = answers.get(j.taskId) ?? { a: 0, b: 0, tie: 0 };
      n[j.preference]++;
      answers.set(j.taskId, n);
    }
    for (const n of answers.values()) {
      const key = `${n.a},${n.b},${n.tie}`;
      this.answerPatterns.set(key, (this.answerPatterns.get(key) ?? 0) + 1);
    }
  }

  get rowCount(): number {
    return this.rows;
  }

  judgmentsOf(studyId: string): number {
    return this.judgmentsByStudy.get(studyId) ?? 0;
  }

  counts(): ExportManifest["counts"] {
    return { rows: this.rows, splits: this.splits };
  }

  agreement(): ExportManifest["agreement"] {
    const units = [...this.answerPatterns].map(([key, weight]) => {
      const [a, b, tie] = key.split(",").map(Number) as [number, number, number];
      const values = [
        ...Array.from({ length: a }, () => ({ raterId: "", value: "a" })),
        ...Array.from({ length: b }, () => ({ raterId: "", value: "b" })),
        ...Array.from({ length: tie }, () => ({ raterId: "", value: "tie" })),
      ];
      return { unitId: key, values, weight };
    });
    const alpha = krippendorffAlpha(units, { level: "nominal" });
    return {
      items: this.items,
      itemsWithTwoOrMore: this.itemsWithTwoOrMore,
      meanAgreement: this.itemsWithTwoOrMore ? this.agreementSum / this.itemsWithTwoOrMore : null,
      krippendorffAlpha: alpha.alpha,
      alphaUndefinedReason: alpha.reason,
    };
  }
}
