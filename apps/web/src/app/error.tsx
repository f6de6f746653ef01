"use client";

import Link from "next/link";
import { buttonClass, linkClass } from "@/components/styles";

export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <main className="flex min-h-[50vh] flex-col items-center justify-center gap-4 px-4 text-center">
      <h1 className="text-xl font-semibold">This page could not be shown</h1>
      <p role="alert" className="max-w-lg text-sm text-zinc-600 dark:text-zinc-400">
        {error.message || "An unexpected error happened."}
        {error.digest ? ` (reference ${error.digest})` : ""}
      </p>
      <div className="flex items-center gap-4">
        <button type="button" onClick={reset} className={buttonClass}>
          Try again
        </button>
        <Link href="/" className={linkClass}>
          Your projects
        </Link>
      </div>
    </main>
  );
}
