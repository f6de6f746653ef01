import type { ReactNode } from "react";
import { SignOutButton } from "./sign-out-button";
import { Wordmark } from "./wordmark";

/** The top bar on every signed-in page: wordmark, optional project switcher, who is signed in. */
export function AppHeader({ email, children }: { email: string; children?: ReactNode }) {
  return (
    <header className="flex h-14 shrink-0 items-center gap-6 border-b border-zinc-200 bg-white px-6 dark:border-zinc-800 dark:bg-zinc-950">
      <Wordmark />
      {children}
      <div className="ml-auto flex items-center gap-3">
        <span className="text-sm text-zinc-600 dark:text-zinc-400" title="Signed in as">
          {email}
        </span>
        <SignOutButton />
      </div>
    </header>
  );
}
