/** Dates and numbers as people read them. */

const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });
const integer = new Intl.NumberFormat("en-US");

export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const d = typeof value === "string" ? new Date(value) : value;
  return Number.isNaN(d.getTime()) ? "—" : dateTime.format(d);
}

export function formatCount(n: number): string {
  return integer.format(n);
}

/** The readable message of anything thrown (tRPC errors carry one already). */
export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return "Something went wrong. Try again.";
}

const percentFine = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const percentWhole = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 0 });

/** A share (0–1) as a percentage: one decimal below 10 %, whole above; "—" when unknown. */
export function formatPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return "—";
  return (Math.abs(share) < 0.1 ? percentFine : percentWhole).format(share);
}

/** Seconds with one decimal below a minute; "—" when unknown. */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.round(seconds / 60)} min`;
}
