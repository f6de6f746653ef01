/**
 * Importing a prompt file into a new prompt set: parse every row, create the set from the rows
 * that parsed, and return the per-row report (imported or error with reason).
 */
import type { Db } from "@loupe/db";
import { createPromptSet } from "../service";
import { parsePromptFile, type PromptFileFormat, type PromptRowError } from "./parse-prompt-file";

export type PromptImportReport = {
  promptSet: { id: string; name: string } | null;
  format: PromptFileFormat;
  imported: number;
  errors: PromptRowError[];
};

export async function importPromptFile(
  db: Db,
  projectId: string,
  file: { filename: string; text: string; format?: PromptFileFormat },
  set: { name: string; description?: string },
): Promise<PromptImportReport> {
  const parsed = parsePromptFile(file.text, { filename: file.filename, format: file.format });
  if (parsed.prompts.length === 0) {
    return { promptSet: null, format: parsed.format, imported: 0, errors: parsed.errors };
  }
  const created = await createPromptSet(db, projectId, {
    name: set.name,
    description: set.description ?? `Imported from ${file.filename}`,
    prompts: parsed.prompts.map((p) => ({
      externalId: p.externalId,
      text: p.text,
      tags: p.tags,
      metadata: p.metadata,
    })),
  });
  return {
    promptSet: { id: created.id, name: created.name },
    format: parsed.format,
    imported: created.promptCount,
    errors: parsed.errors,
  };
}
