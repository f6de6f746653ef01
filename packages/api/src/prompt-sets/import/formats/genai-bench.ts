/**
 * GenAI-Bench (Lin et al. 2024, "Evaluating Text-to-Visual Generation with Image-to-Text Generation";
 * github.com/linzhiqiu/t2v_metrics, HF zhiqiulin/GenAI-Bench-527 and -1600). `genai_image.json` is one
 * object keyed by prompt id, each value holding the prompt and, optionally, its skills and the human
 * ratings per model:
 *
 *   { "00000": { "id": "00000", "prompt": "…", "basic_skills": "Attribute, Scene",
 *                "advanced_skills": "Counting", "models": { "DALLE_3": [5, 4, 5], … } }, … }
 *
 * The key becomes the prompt's id. `basic_skills` and `advanced_skills` (lists, or comma-separated
 * strings) become tags as they are, the way PartiPrompts' Category and Challenge do (records.ts names
 * them among the category columns); every other field is kept as metadata. A value that is a bare
 * string is read as the prompt itself (`{ "p1": "a red cube" }`). A top-level array of such objects,
 * with ids in their `id` field, is read as a list of records (see hpsv2.ts's readPromptList).
 */
import type { PromptRowError, SourceRecord } from "../records";
import { describe, isRecord, type JsonMember } from "./json-shape";

export function readKeyedRecords(
  entries: [string, unknown][],
  members: Map<string, JsonMember>,
  errors: PromptRowError[],
): SourceRecord[] {
  const records: SourceRecord[] = [];
  for (const [key, value] of entries) {
    const line = members.get(key)?.line ?? 1;
    const externalId = key.trim();
    if (!externalId) {
      errors.push({ line, message: "the prompt's id (its key) is blank" });
    } else if (typeof value === "string") {
      records.push({ line, row: { prompt: value }, externalId });
    } else if (isRecord(value)) {
      records.push({ line, row: value, externalId });
    } else {
      errors.push({
        line,
        message: `expected an object with a prompt under "${key}", found ${describe(value)}`,
      });
    }
  }
  return records;
}
