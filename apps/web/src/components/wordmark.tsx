import Link from "next/link";

/** The Loupe name with its lens mark; links home (the project list). */
export function Wordmark() {
  return (
    <Link href="/" className="inline-flex items-center gap-2 rounded text-lg font-semibold tracking-tight">
      <svg
        aria-hidden="true"
        viewBox="0 0 24 24"
        className="h-6 w-6 text-indigo-600 dark:text-indigo-400"
        fill="none"
      >
        <circle cx="10" cy="10" r="6.5" stroke="currentColor" strokeWidth="2.2" />
        <path d="M15 15l5.5 5.5" stroke="currentColor" strokeWidth="2.6" strokeLinecap="round" />
      </svg>
      <span>Loupe</span>
    </Link>
  );
}
