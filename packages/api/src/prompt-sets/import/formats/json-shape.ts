/**
 * Small helpers for reading a whole JSON document as a prompt file: where its members start (so the
 * import report can name real line numbers, as it does for CSV and JSONL), and how to name a value
 * that is not what a layout expects.
 */

/** A member of the document's top-level array or object, and where the members of its value start. */
export type JsonMember = {
  /** 1-based line of the member: an array item's first character, an object member's key. */
  line: number;
  /** The key, for a member of a top-level object. */
  key?: string;
  /** 1-based lines of the items (or keys) of the member's value, when it is an array (or object). */
  members: number[];
};

/**
 * The members of a JSON document's top-level array or object, in document order, with the lines of
 * their own members. Only for text that `JSON.parse` accepted: it tracks strings and brackets, no
 * more. An object's repeated key appears once per occurrence (`JSON.parse` keeps the last).
 */
export function topLevelMembers(text: string): JsonMember[] {
  const out: JsonMember[] = [];
  const open: string[] = [];
  let line = 1;
  let expectMember = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      continue;
    }
    if (c === " " || c === "\t" || c === "\r") continue;
    const starts = expectMember && c !== "]" && c !== "}";
    expectMember = false;
    if (starts && open.length === 2) out.at(-1)?.members.push(line);
    if (c === '"') {
      const from = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === "\\") i++;
      if (starts && open.length === 1) {
        const key = open[0] === "{" ? (JSON.parse(text.slice(from, i + 1)) as string) : undefined;
        out.push({ line, ...(key !== undefined && { key }), members: [] });
      }
      continue;
    }
    if (starts && open.length === 1) out.push({ line, members: [] });
    if (c === "[" || c === "{") {
      open.push(c);
      expectMember = true;
    } else if (c === "]" || c === "}") open.pop();
    else if (c === ",") expectMember = true;
  }
  return out;
}

/** The 1-based line of the document's first character that is not white space. */
export function firstLine(text: string): number {
  const lead = /^\s*/.exec(text)![0];
  return lead.split("\n").length;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "a number", "null", "a list", … for messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** `JSON.parse`'s message, with the line where it reports a position. */
export function jsonErrorMessage(text: string, err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const at = /at position (\d+)/.exec(message);
  if (!at) return message;
  const line = text.slice(0, Number(at[1])).split("\n").length;
  return `${message} (line ${line})`;
}
