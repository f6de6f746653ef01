export type OutputSummary = {
  id: string;
  model: string;
  prompt: string;
  kind: string;
  width: number | null;
  height: number | null;
  thumbnailUrl: string | null;
  url: string;
};

/** One output: its thumbnail (opening the original), the model that made it, and the prompt. */
export function OutputTile({ output }: { output: OutputSummary }) {
  return (
    <li className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <a
        href={output.url}
        target="_blank"
        rel="noreferrer"
        className="block rounded-t-lg"
        title="Open the original"
      >
        {output.thumbnailUrl ? (
          <img
            src={output.thumbnailUrl}
            alt={`${output.model}: ${output.prompt}`}
            loading="lazy"
            className="aspect-square w-full bg-zinc-100 object-cover dark:bg-zinc-800"
          />
        ) : (
          <div className="flex aspect-square w-full items-center justify-center bg-zinc-100 text-xs text-zinc-500 dark:bg-zinc-800">
            {output.kind} · no thumbnail
          </div>
        )}
      </a>
      <div className="space-y-1 p-2">
        <p className="truncate font-mono text-xs font-semibold" title={output.model}>
          {output.model}
        </p>
        <p className="line-clamp-2 text-xs text-zinc-600 dark:text-zinc-400" title={output.prompt}>
          {output.prompt}
        </p>
      </div>
    </li>
  );
}
