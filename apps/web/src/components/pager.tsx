import Link from "next/link";
import { formatCount } from "./format";
import { secondaryButtonClass } from "./styles";

/**
 * Previous / next links for a list split into pages. `query` holds the other search params to
 * keep (a filter, say); the page number travels as `?page=` (1-based).
 */
export function Pager({
  basePath,
  query = {},
  page,
  pageSize,
  total,
  noun,
}: {
  basePath: string;
  query?: Record<string, string | undefined>;
  page: number;
  pageSize: number;
  total: number;
  noun: string;
}) {
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    if (p > 1) params.set("page", String(p));
    const qs = params.toString();
    return qs ? `${basePath}?${qs}` : basePath;
  };
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const disabled = `${secondaryButtonClass} pointer-events-none opacity-50`;
  return (
    <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-4 text-sm">
      <p className="text-zinc-600 dark:text-zinc-400">
        {formatCount(first)}–{formatCount(last)} of {formatCount(total)} {noun} · page {page} of {pageCount}
      </p>
      <div className="flex gap-2">
        {page > 1 ? (
          <Link href={href(page - 1)} className={secondaryButtonClass} rel="prev">
            ← Previous
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            ← Previous
          </span>
        )}
        {page < pageCount ? (
          <Link href={href(page + 1)} className={secondaryButtonClass} rel="next">
            Next →
          </Link>
        ) : (
          <span className={disabled} aria-disabled="true">
            Next →
          </span>
        )}
      </div>
    </nav>
  );
}

/** A 1-based page number from a search param; anything else is page 1. */
export function pageFrom(value: string | string[] | undefined): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(n) && n >= 1 ? Math.min(n, 1_000_000) : 1;
}
