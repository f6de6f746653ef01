import Link from "next/link";
import { linkClass } from "../styles";

/**
 * Why a review page shows nothing: not signed in, or no such study for this account. The two
 * cases of the second (no study, or a study you are not on) read the same, so the page never
 * confirms that a study exists.
 */
export function ReviewRefusal({ reason }: { reason: "UNAUTHORIZED" | "NOT_FOUND" }) {
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      {reason === "UNAUTHORIZED" ? (
        <>
          <h1 className="text-xl font-semibold">Sign in to review</h1>
          <p className="mt-3 text-zinc-600 dark:text-zinc-400">
            Reviews are open to project members named as reviewers of the study.{" "}
            <Link href="/sign-in" className={linkClass}>
              Sign in
            </Link>{" "}
            and open this link again.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-xl font-semibold">No such review study for you</h1>
          <p className="mt-3 text-zinc-600 dark:text-zinc-400">
            This link does not lead to a study you review. Check the link, or ask the study’s owner to add you
            as a reviewer.{" "}
            <Link href="/" className={linkClass}>
              Your projects
            </Link>
          </p>
        </>
      )}
    </main>
  );
}
