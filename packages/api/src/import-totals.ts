/** The totals line of every per-row import report: rows, and how many ended each way. */
export type ImportStatus = "imported" | "duplicate" | "error";

export function importTotals(rows: readonly { status: ImportStatus }[]) {
  const count = (s: ImportStatus) => rows.filter((r) => r.status === s).length;
  return {
    rows: rows.length,
    imported: count("imported"),
    duplicate: count("duplicate"),
    error: count("error"),
  };
}
