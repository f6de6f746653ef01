/**
 * HPSv2's benchmark prompts (Wu et al. 2023, "Human Preference Score v2: A Solid Benchmark for
 * Evaluating Human Preferences of Text-to-Image Synthesis"; github.com/tgxs002/HPSv2). The HPDv2
 * benchmark ships one JSON file per style — `anime.json`, `concept-art.json`, `paintings.json`,
 * `photo.json` — each an array of prompt strings; `hpsv2.benchmark_prompts('all')` returns them as one
 * object keyed by style, which people also save as a single file:
 *
 *   ["…", "…", …]
 *   { "anime": […], "concept-art": […], "paintings": […], "photo": […] }
 *
 * The style becomes a tag (a file's name says its style when it is one of the four), and a prompt's id
 * is `<style>-<index>` with the 0-based, 5-digit index that HPSv2's evaluation names its images by
 * (`<style>/<index:05d>.jpg`), e.g. `anime-00057`; so the same prompt has the same id whether it came
 * from `anime.json` or from the combined file. A list whose style is unknown is numbered like any
 * other file (1, 2, …).
 */
import { recordId, type PromptRowError, type SourceRecord } from "../records";
import { describe, isRecord, type JsonMember } from "./json-shape";

export const HPSV2_STYLES = ["anime", "concept-art", "paintings", "photo"] as const;

/** The style a file name says (`anime.json`, `data/photo.json`), if it is one of HPSv2's four. */
export function hpsv2StyleOf(filename: string): string | undefined {
  const stem = (filename.split(/[\\/]/).pop() ?? "").replace(/\.json$/i, "").toLowerCase();
  return (HPSV2_STYLES as readonly string[]).includes(stem) ? stem : undefined;
}

export function hpsv2Id(style: string, index: number): string {
  return `${style}-${String(index).padStart(5, "0")}`;
}

/**
 * One list of prompts: strings, or objects with a prompt field (kept as records, with their own id
 * if they have one). `lines` are the items' lines; `style`, when known, tags and names every item.
 */
export function readPromptList(
  items: unknown[],
  lines: number[],
  style: string | undefined,
  errors: PromptRowError[],
  fallbackLine = 1,
): SourceRecord[] {
  const records: SourceRecord[] = [];
  items.forEach((item, i) => {
    const line = lines[i] ?? fallbackLine;
    const tags = style ? [style] : undefined;
    if (typeof item === "string") {
      records.push({ line, row: { prompt: item }, ...(style && { externalId: hpsv2Id(style, i) }), tags });
    } else if (isRecord(item)) {
      const externalId = style ? (recordId(item) ?? hpsv2Id(style, i)) : undefined;
      records.push({ line, row: item, externalId, tags });
    } else {
      errors.push({
        line,
        message: `expected a prompt (a string, or an object with a prompt), found ${describe(item)}`,
      });
    }
  });
  return records;
}

/** `{ "anime": [...], "photo": [...] }`: each key is a style, its list the style's prompts. */
export function readStyleLists(
  lists: [string, unknown[]][],
  members: Map<string, JsonMember>,
  errors: PromptRowError[],
): SourceRecord[] {
  const records: SourceRecord[] = [];
  for (const [key, items] of lists) {
    const member = members.get(key);
    const line = member?.line ?? 1;
    const style = key.trim();
    if (!style) {
      errors.push({
        line,
        message: `the ${items.length} prompts listed under a blank key were not read: the key names their style (e.g. "anime")`,
      });
      continue;
    }
    records.push(...readPromptList(items, member?.members ?? [], style, errors, line));
  }
  return records;
}
