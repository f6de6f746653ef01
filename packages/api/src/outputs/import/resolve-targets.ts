/**
 * Looking up what manifest rows name: models by name (never created unless asked), prompts by
 * external id or exact text within one prompt set. Indexes are loaded once per import so a
 * large manifest costs a few queries, not one per row.
 */
import type { Db } from "@loupe/db";
import type { ManifestRow } from "./manifest-row";

export type Resolved<T> = { ok: T } | { error: string };

export class ModelIndex {
  private readonly created: string[] = [];

  private constructor(
    private readonly db: Db,
    private readonly projectId: string,
    private readonly byName: Map<string, string>,
    private readonly createMissing: boolean,
  ) {}

  static async load(db: Db, projectId: string, createMissing: boolean): Promise<ModelIndex> {
    const models = await db.genModel.findMany({ where: { projectId }, select: { id: true, name: true } });
    return new ModelIndex(db, projectId, new Map(models.map((m) => [m.name, m.id])), createMissing);
  }

  /** Names of the models this import registered (only with `createModels`). */
  get createdNames(): string[] {
    return [...this.created];
  }

  async resolve(name: string): Promise<Resolved<string>> {
    const id = this.byName.get(name);
    if (id) return { ok: id };
    if (!this.createMissing) {
      return { error: `unknown model "${name}"; register it in Models first (or import with createModels)` };
    }
    // upsert: a concurrent import may register the same name at the same moment.
    const model = await this.db.genModel.upsert({
      where: { projectId_name: { projectId: this.projectId, name } },
      update: {},
      create: { projectId: this.projectId, name, description: "Registered by an outputs import" },
    });
    this.byName.set(name, model.id);
    this.created.push(name);
    return { ok: model.id };
  }
}

export type PromptTarget = { promptId: string; seed: bigint };

export class PromptIndex {
  private constructor(
    private readonly setName: string,
    private readonly byExternalId: Map<string, string>,
    private readonly byText: Map<string, string[]>,
  ) {}

  static async load(db: Db, promptSetId: string, setName: string): Promise<PromptIndex> {
    const prompts = await db.prompt.findMany({
      where: { promptSetId },
      select: { id: true, externalId: true, text: true },
    });
    const byText = new Map<string, string[]>();
    for (const p of prompts) byText.set(p.text, [...(byText.get(p.text) ?? []), p.id]);
    return new PromptIndex(setName, new Map(prompts.map((p) => [p.externalId, p.id])), byText);
  }

  resolve(row: Pick<ManifestRow, "promptId" | "prompt" | "seed" | "stem">): Resolved<PromptTarget> {
    // Folder rows: a prompt whose id is the whole file name wins over reading `_<digits>` as a seed.
    const whole = row.stem !== undefined ? this.byExternalId.get(row.stem) : undefined;
    if (whole) return { ok: { promptId: whole, seed: 0n } };
    if (row.promptId !== undefined) {
      const id = this.byExternalId.get(row.promptId);
      return id
        ? { ok: { promptId: id, seed: row.seed } }
        : { error: `no prompt with id "${row.promptId}" in "${this.setName}"` };
    }
    const ids = this.byText.get((row.prompt ?? "").trim()) ?? [];
    if (ids.length === 1) return { ok: { promptId: ids[0]!, seed: row.seed } };
    if (ids.length === 0) return { error: `no prompt with exactly that text in "${this.setName}"` };
    return { error: `${ids.length} prompts in "${this.setName}" have exactly that text; give prompt_id` };
  }
}
