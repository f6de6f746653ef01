import Link from "next/link";
import { Wordmark } from "@/components/wordmark";
import { linkClass } from "@/components/styles";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 px-4 text-center">
      <Wordmark />
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
        There is nothing here, or it belongs to a project you are not a member of.
      </p>
      <Link href="/" className={linkClass}>
        Go to your projects
      </Link>
    </main>
  );
}
