import crypto from "node:crypto";

/** JSON with object keys sorted at every level, so equal parameters give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * Identifies sampling parameters inside the (model, prompt, seed, parameters) key of an output.
 * No parameters hash to "" (the column default), anything else to the sha256 of its canonical JSON.
 */
export function paramsHash(params: Record<string, unknown>): string {
  if (Object.keys(params).length === 0) return "";
  return crypto.createHash("sha256").update(canonicalJson(params)).digest("hex");
}
