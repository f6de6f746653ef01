/**
 * A prompt file that is one JSON document (rather than JSON lines), recognised by its shape:
 *
 * - an array of prompt strings — HPSv2's per-style files (hpsv2.ts) — or of objects with a prompt;
 * - an object of arrays — HPSv2's styles in one file, each key a style (hpsv2.ts);
 * - an object of objects keyed by id — GenAI-Bench's `genai_image.json` (genai-bench.ts);
 * - one object with a prompt — a single record.
 *
 * Anything else is refused with one message saying what was expected and what was found.
 */
import {
  fromRecords,
  hasPromptText,
  PromptFileError,
  type ParsedPromptFile,
  type PromptRowError,
  type SourceRecord,
} from "../records";
import { readKeyedRecords } from "./genai-bench";
import { hpsv2StyleOf, readPromptList, readStyleLists } from "./hpsv2";
import {
  describe,
  firstLine,
  isRecord,
  jsonErrorMessage,
  topLevelMembers,
  type JsonMember,
} from "./json-shape";

const EXPECTED =
  'expected a list of prompts (HPSv2), lists of prompts keyed by style (HPSv2: { "anime": [...] }), ' +
  'or prompt records keyed by id (GenAI-Bench: { "00000": { "prompt": ... } })';

function unknownLayout(found: string): PromptFileError {
  return new PromptFileError(`unrecognised JSON layout: ${EXPECTED}; found ${found}`);
}

const stripBom = (text: string) => text.replace(/^\uFEFF/, "");

/**
 * For a file whose name does not say: whether it is one JSON document. An array is; an object is
 * when it spans several lines or holds a collection (values all objects or arrays); a one-line
 * record such as `{"prompt": "x"}` stays JSON lines.
 */
export function isJsonDocument(text: string): boolean {
  const body = stripBom(text).trim();
  if (!body.startsWith("[") && !body.startsWith("{")) return false;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return false;
  }
  if (Array.isArray(value)) return true;
  if (!isRecord(value)) return false;
  if (body.includes("\n")) return true;
  const values = Object.values(value);
  return !hasPromptText(value) && values.length > 0 && values.every((v) => typeof v === "object" && !!v);
}

/** JSON lines under a `.json` name: several lines, the first a JSON object or string on its own. */
function looksLikeJsonLines(body: string): boolean {
  const lines = body.split(/\r?\n/).filter((l) => l.trim());
  if (lines.length < 2) return false;
  try {
    const first: unknown = JSON.parse(lines[0]!);
    return typeof first === "string" || isRecord(first);
  } catch {
    return false;
  }
}

/** An object's members by key; a key given twice is reported at its earlier place (JSON keeps the later). */
function membersByKey(members: JsonMember[], errors: PromptRowError[]): Map<string, JsonMember> {
  const byKey = new Map<string, JsonMember>();
  for (const m of members) {
    if (m.key === undefined) continue;
    const earlier = byKey.get(m.key);
    if (earlier) {
      errors.push({
        line: earlier.line,
        message: `"${m.key}" appears again on line ${m.line}; only that later entry is read`,
      });
    }
    byKey.set(m.key, m);
  }
  return byKey;
}

function recordsOf(doc: unknown, body: string, filename: string, errors: PromptRowError[]): SourceRecord[] {
  if (Array.isArray(doc)) {
    if (doc.length > 0 && !doc.some((item) => typeof item === "string" || isRecord(item))) {
      throw unknownLayout(`a list whose first item is ${describe(doc[0])}`);
    }
    const lines = topLevelMembers(body).map((m) => m.line);
    return readPromptList(doc, lines, hpsv2StyleOf(filename), errors);
  }
  if (!isRecord(doc)) throw unknownLayout(`${describe(doc)} at the top level`);
  if (hasPromptText(doc)) return [{ line: firstLine(body), row: doc }];

  const entries = Object.entries(doc);
  if (entries.length === 0) return [];
  const lists = entries.filter((e): e is [string, unknown[]] => Array.isArray(e[1]));
  const other = entries.filter(([, v]) => !Array.isArray(v));
  if (lists.length === entries.length) {
    return readStyleLists(lists, membersByKey(topLevelMembers(body), errors), errors);
  }
  if (lists.length === 0 && other.some(([, v]) => typeof v === "string" || isRecord(v))) {
    return readKeyedRecords(entries, membersByKey(topLevelMembers(body), errors), errors);
  }
  const [key, value] = other[0]!;
  throw unknownLayout(
    lists.length > 0
      ? `an object mixing lists ("${lists[0]![0]}") with other values ("${key}": ${describe(value)})`
      : `an object whose "${key}" is ${describe(value)}`,
  );
}

/**
 * Reads a JSON document. Returns null when the text is not one JSON document but JSON lines (a
 * `.jsonl` file under a `.json` name), for the caller to read as such.
 */
export function parseJsonDocument(text: string, filename: string): ParsedPromptFile | null {
  const body = stripBom(text);
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    if (looksLikeJsonLines(body)) return null;
    throw new PromptFileError(`not valid JSON: ${jsonErrorMessage(body, err)}`);
  }
  const errors: PromptRowError[] = [];
  const parsed = fromRecords("json", recordsOf(doc, body, filename, errors), errors);
  parsed.errors.sort((a, b) => a.line - b.line);
  return parsed;
}
