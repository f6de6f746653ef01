import type { Metadata } from "next";

export const metadata: Metadata = { title: "Invite unavailable" };

/** Fixed messages by problem code: nothing from the URL is echoed onto the page. */
const MESSAGES: Record<string, string> = {
  invalid: "This invite link is not valid (anymore). Ask the study's organizers for a new one.",
  inactive: "This study is not taking raters right now. Please try again later.",
  "worker-id": "This link is missing your worker id. Open it from the platform that sent you here.",
  full: "This study has all the raters it needs. Thank you for your interest.",
};

export default async function InviteUnavailablePage({
  searchParams,
}: {
  searchParams: Promise<{ problem?: string }>;
}) {
  const { problem } = await searchParams;
  return (
    <main className="mx-auto max-w-lg px-6 py-24 text-center">
      <h1 className="text-xl font-semibold">Invite unavailable</h1>
      <p className="mt-3 text-zinc-600 dark:text-zinc-400" role="alert">
        {MESSAGES[problem ?? ""] ?? MESSAGES.invalid}
      </p>
    </main>
  );
}
