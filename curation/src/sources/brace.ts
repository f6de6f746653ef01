/**
 * Brace patterns for shard lists, as WebDataset (and bash) write them: "data-{0000..0099}.tar" is
 * data-0000.tar … data-0099.tar (zero-padded when a bound is written with a leading zero), and
 * "{train,val}-{0..9}.tar" is every combination, leftmost group slowest. Nested groups, unmatched
 * braces and groups that are neither a range nor a list are errors, not literal text.
 */
export const MAX_BRACE_EXPANSION = 1_000_000;

export class BracePatternError extends Error {
  override name = "BracePatternError";
}

type Group = { kind: "list"; items: string[] } | { kind: "range"; start: number; end: number; width: number };
type Segment = string | Group;

function groupSize(group: Group): number {
  return group.kind === "list" ? group.items.length : Math.abs(group.end - group.start) + 1;
}

function groupItem(group: Group, index: number): string {
  if (group.kind === "list") return group.items[index]!;
  const value = group.start <= group.end ? group.start + index : group.start - index;
  return String(value).padStart(group.width, "0");
}

function parseGroup(body: string, pattern: string): Group {
  const range = /^(\d+)\.\.(\d+)$/.exec(body);
  if (range) {
    const from = range[1]!;
    const to = range[2]!;
    const padded = (bound: string) => bound.length > 1 && bound.startsWith("0");
    const start = Number(from);
    const end = Number(to);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end))
      throw new BracePatternError(`brace range {${body}} in "${pattern}" is too large`);
    return {
      kind: "range",
      start,
      end,
      width: padded(from) || padded(to) ? Math.max(from.length, to.length) : 0,
    };
  }
  if (body.includes(",")) return { kind: "list", items: body.split(",") };
  throw new BracePatternError(
    `brace group {${body}} in "${pattern}" is neither a range like {0000..0099} nor a list like {a,b}`,
  );
}

function parse(pattern: string): Segment[] {
  const segments: Segment[] = [];
  let text = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i]!;
    if (ch === "}") throw new BracePatternError(`unmatched "}" in "${pattern}"`);
    if (ch !== "{") {
      text += ch;
      i++;
      continue;
    }
    const close = pattern.indexOf("}", i + 1);
    if (close < 0) throw new BracePatternError(`unmatched "{" in "${pattern}"`);
    const body = pattern.slice(i + 1, close);
    if (body.includes("{")) throw new BracePatternError(`nested braces are not supported in "${pattern}"`);
    if (text) segments.push(text);
    text = "";
    segments.push(parseGroup(body, pattern));
    i = close + 1;
  }
  if (text) segments.push(text);
  return segments;
}

/** How many names a pattern expands to (checks its syntax; throws BracePatternError). */
export function countBraceExpansion(pattern: string): number {
  return parse(pattern).reduce((n, s) => (typeof s === "string" ? n : n * groupSize(s)), 1);
}

/** Every name a pattern stands for, in order. A pattern without braces is itself. */
export function expandBraces(pattern: string, limit = MAX_BRACE_EXPANSION): string[] {
  const segments = parse(pattern);
  const total = segments.reduce((n, s) => (typeof s === "string" ? n : n * groupSize(s)), 1);
  if (total > limit)
    throw new BracePatternError(`"${pattern}" expands to ${total} names, more than the limit of ${limit}`);
  let names = [""];
  for (const segment of segments) {
    if (typeof segment === "string") {
      names = names.map((name) => name + segment);
      continue;
    }
    const next: string[] = [];
    for (const name of names)
      for (let k = 0; k < groupSize(segment); k++) next.push(name + groupItem(segment, k));
    names = next;
  }
  return names;
}
