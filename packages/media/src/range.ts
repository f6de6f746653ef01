/**
 * The `Range` request header (RFC 9110 §14.2), reduced to what media players and browsers send:
 * one byte range, `bytes=a-b`, `bytes=a-` or the suffix form `bytes=-n`. Anything we do not serve
 * as a range (other units, several ranges, malformed values) is ignored, which the RFC allows: the
 * client then simply gets the whole file.
 */
import type { ByteRange } from "./storage";

export type RangeRequest =
  /** Serve the whole file (no header, or one we ignore). */
  | { kind: "whole" }
  | ({ kind: "partial" } & ByteRange)
  /** Well-formed, but outside the file: 416. */
  | { kind: "unsatisfiable" };

const SINGLE_RANGE = /^bytes=\s*(\d*)\s*-\s*(\d*)\s*$/i;

export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: "whole" };
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return { kind: "whole" };
  const [, first = "", last = ""] = match;

  if (first === "" && last === "") return { kind: "whole" };
  if (first === "") {
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: "unsatisfiable" };
    return { kind: "partial", start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? Infinity : Number(last);
  if (end < start) return { kind: "whole" }; // an invalid range-spec: ignore the header
  if (start >= size) return { kind: "unsatisfiable" };
  return { kind: "partial", start, end: Math.min(end, size - 1) };
}
