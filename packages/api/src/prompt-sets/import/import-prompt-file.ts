/**
 * Importing a prompt file into a new prompt set: parse every row, create the set from the rows
 * that parsed, and return the per-row report (imported or error with reason).
 */
import type { Db } from "@loupe/db";
import { createPromptSet, promptInput } from "../service";
import {
  parsePromptFile,
  type ParsedPromptFile,
  type PromptFileFormat,
  type PromptRowError,
} from "./parse-prompt-file";

/** One row of the file: imported (with its id and text) or an error with its reason. */
export type PromptImportRow =
  | { line: number; status: "imported"; externalId: string; prompt: string }
  | { line: number; status: "error"; reason: string };

export type PromptImportReport = {
  promptSet: { id: string; name: string } | null;
  format: PromptFileFormat;
  imported: number;
  errors: PromptRowError[];
  /** Every row in file order, for a per-row report. */
  rows: PromptImportRow[];
};

function reportRows(
  prompts: { line: number; externalId: string; text: string }[],
  errors: PromptRowError[],
  imported: boolean,
) {
  const rows: PromptImportRow[] = [
    ...(imported
      ? prompts.map((p) => ({
          line: p.line,
          status: "imported" as const,
          externalId: p.externalId,
          prompt: p.text,
        }))
      : []),
    ...errors.map((e) => ({ line: e.line, status: "error" as const, reason: e.message })),
  ];
  return rows.sort((a, b) => a.line - b.line);
}

/**
 * Prompts the prompt set would refuse (text, id or a tag over its length limits, too many tags)
 * become errors on their own line instead of failing the whole import.
 */
export function withinPromptLimits(parsed: ParsedPromptFile): ParsedPromptFile {
  const errors = [...parsed.errors];
  const prompts = parsed.prompts.filter((p) => {
    const checked = promptInput.safeParse({ text: p.text, externalId: p.externalId, tags: p.tags });
    if (checked.success) return true;
    const issue = checked.error.issues[0]!;
    const field = issue.path.length > 0 ? issue.path.join(".") : "prompt";
    errors.push({ line: p.line, message: `${field}: ${issue.message}` });
    return false;
  });
  errors.sort((a, b) => a.line - b.line);
  return { ...parsed, prompts, errors };
}

export async function importPromptFile(
  db: Db,
  projectId: string,
  file: { filename: string; text: string; format?: PromptFileFormat },
  set: { name: string; description?: string },
): Promise<PromptImportReport> {
  const parsed = withinPromptLimits(
    parsePromptFile(file.text, { filename: file.filename, format: file.format }),
  );
  if (parsed.prompts.length === 0) {
    return {
      promptSet: null,
      format: parsed.format,
      imported: 0,
      errors: parsed.errors,
      rows: reportRows([], parsed.errors, false),
    };
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
    rows: reportRows(parsed.prompts, parsed.errors, true),
  };
}
