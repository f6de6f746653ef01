/** The prompt an output was generated from, as raters and reviewers read it above the media. */
export function PromptPanel({ prompt }: { prompt: string }) {
  return (
    <section aria-label="Prompt" className="rounded-md bg-zinc-50 px-4 py-2 dark:bg-zinc-900">
      <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Prompt</p>
      <p data-testid="prompt" className="mt-1 whitespace-pre-wrap text-lg">
        {prompt}
      </p>
    </section>
  );
}
