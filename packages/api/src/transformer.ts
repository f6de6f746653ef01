/**
 * A tiny data transformer for tRPC: Date and BigInt survive the round trip. (superjson does
 * this and more; we only need two types, so we keep the dependency out.)
 */
type Tagged = { __t: "Date" | "BigInt"; v: string };

function isTagged(v: unknown): v is Tagged {
  return typeof v === "object" && v !== null && "__t" in v && "v" in v && Object.keys(v).length === 2;
}

function encode(value: unknown): unknown {
  if (value instanceof Date) return { __t: "Date", v: value.toISOString() };
  if (typeof value === "bigint") return { __t: "BigInt", v: value.toString() };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  }
  return value;
}

function decode(value: unknown): unknown {
  if (isTagged(value)) return value.__t === "Date" ? new Date(value.v) : BigInt(value.v);
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

export const superjsonLite = { serialize: encode, deserialize: decode };
