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

const mediaClass = "aspect-square w-full bg-zinc-100 object-cover dark:bg-zinc-800";

/** The output itself: a thumbnail opening the original, a video with its poster frame, or a player. */
function Preview({ output, label }: { output: OutputSummary; label: string }) {
  if (output.kind === "video") {
    // preload="none": a page of videos must not download them all; the poster shows until play.
    return (
      <video
        src={output.url}
        poster={output.thumbnailUrl ?? undefined}
        controls
        loop
        muted
        playsInline
        preload="none"
        aria-label={label}
        className={`${mediaClass} rounded-t-lg`}
      />
    );
  }
  if (output.kind === "audio") {
    return (
      <div className={`${mediaClass} flex items-end rounded-t-lg p-2`}>
        <audio src={output.url} controls preload="none" aria-label={label} className="w-full" />
      </div>
    );
  }
  return (
    <a
      href={output.url}
      target="_blank"
      rel="noreferrer"
      className="block rounded-t-lg"
      title="Open the original"
    >
      {output.thumbnailUrl ? (
        <img src={output.thumbnailUrl} alt={label} loading="lazy" className={mediaClass} />
      ) : (
        <div className={`${mediaClass} flex items-center justify-center text-xs text-zinc-500`}>
          {output.kind} · no thumbnail
        </div>
      )}
    </a>
  );
}

/** One output: its preview, the model that made it, and the prompt (text, never markup). */
export function OutputTile({ output }: { output: OutputSummary }) {
  return (
    <li className="overflow-hidden rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <Preview output={output} label={`${output.model}: ${output.prompt}`} />
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
