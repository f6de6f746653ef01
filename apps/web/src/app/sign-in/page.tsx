import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/sign-in-form";
import { Wordmark } from "@/components/wordmark";
import { serverCaller } from "@/server/caller";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  const { user } = await serverCaller();
  if (user) redirect("/");
  return (
    <main className="flex min-h-screen items-center justify-center bg-zinc-50 px-4 dark:bg-zinc-950">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex justify-center">
          <Wordmark />
        </div>
        <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
          <h1 className="mb-1 text-xl font-semibold tracking-tight">Sign in</h1>
          <p className="mb-5 text-sm text-zinc-600 dark:text-zinc-400">
            Accounts are created by an administrator or a project owner; there is no public sign-up.
          </p>
          <SignInForm />
        </div>
      </div>
    </main>
  );
}
