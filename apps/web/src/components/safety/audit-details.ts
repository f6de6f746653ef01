/** An audit entry's details (free-form JSON) as one readable line: "key: value; key: value". */

function valueText(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(valueText).join(", ");
  return JSON.stringify(value);
}

export function auditDetails(data: unknown): string {
  if (data === null || data === undefined) return "";
  if (typeof data !== "object" || Array.isArray(data)) return valueText(data);
  return Object.entries(data)
    .map(([key, value]) => `${key}: ${valueText(value)}`)
    .join("; ");
}
