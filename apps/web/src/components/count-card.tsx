import Link from "next/link";
import { formatCount } from "./format";

/** A number that links to the section holding those things. */
export function CountCard({
  label,
  count,
  href,
  hint,
}: {
  label: string;
  count: number;
  href: string;
  hint: string;
}) {
  return (
    <li>
      <Link
        href={href}
        className="block h-full rounded-lg border border-zinc-200 bg-white p-4 shadow-sm hover:border-indigo-400 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-indigo-500"
      >
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{label}</p>
        <p className="mt-1 text-3xl font-semibold tabular-nums">{formatCount(count)}</p>
        <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>
      </Link>
    </li>
  );
}
