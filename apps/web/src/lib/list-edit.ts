/** Immutable edits of an ordered list, for the editors that add, remove and reorder rows. */

/** The list with the item at `index` moved by `delta` places (clamped to the ends). */
export function moveItem<T>(list: readonly T[], index: number, delta: number): T[] {
  const target = Math.min(list.length - 1, Math.max(0, index + delta));
  if (index < 0 || index >= list.length || target === index) return [...list];
  const next = [...list];
  const [item] = next.splice(index, 1);
  next.splice(target, 0, item as T);
  return next;
}

export function removeAt<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

export function replaceAt<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((x, i) => (i === index ? item : x));
}

/**
 * An id the API accepts (lowercase letters, digits, _ and -; at most 40), from a label:
 * "Self-harm" → "self-harm", "IP & trademarks" → "ip_trademarks". Empty when the label has no
 * such characters; callers then ask for an id or number one.
 */
export function idFromLabel(label: string): string {
  return label
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9_-]+/g, "_")
    .replace(/^[_-]+|[_-]+$/g, "")
    .slice(0, 40);
}

/** A checkbox list's selection after one box changed. */
export function toggle(ids: readonly string[], id: string, on: boolean): string[] {
  return on ? (ids.includes(id) ? [...ids] : [...ids, id]) : ids.filter((x) => x !== id);
}

/** "a, b,,c " → ["a", "b", "c"]: a comma-separated field as its distinct, trimmed items. */
export function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== ""),
    ),
  ];
}
