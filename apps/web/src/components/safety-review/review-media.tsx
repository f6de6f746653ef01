"use client";

import type { RefObject } from "react";
import { KeyHint } from "./key-hint";
import type { MediaKind } from "./types";
import type { Reveal } from "./use-reveal";

const frame = "max-h-[55vh] w-auto max-w-full rounded border border-zinc-200 dark:border-zinc-800";

/**
 * The output under review. Until revealed it is its thumbnail under a strong blur (enough to
 * judge whether to look, not to see details); revealed, the original plays or shows as it is.
 * Grayscale applies in both states. Nothing here names the model: the URLs are opaque tokens.
 */
export function ReviewMedia({
  kind,
  previewUrl,
  reveal,
  grayscale,
  player,
  shortcut = true,
}: {
  kind: MediaKind;
  previewUrl: string | null;
  reveal: Reveal;
  grayscale: boolean;
  /** Set to the video or audio element once revealed, for the play key. */
  player?: RefObject<HTMLMediaElement | null>;
  /** Whether the page reveals with V (the reviewer's page does; the escalation queue has no keys). */
  shortcut?: boolean;
}) {
  const { media, pending, error } = reveal;
  const tone = grayscale ? "grayscale" : "";
  const setPlayer = (el: HTMLMediaElement | null) => {
    if (player) player.current = el;
  };
  if (media)
    return (
      <figure className="flex justify-center" data-testid="review-media" data-revealed="true">
        {kind === "image" ? (
          <img src={media.url} alt="Output under review" className={`${frame} object-contain ${tone}`} />
        ) : kind === "video" ? (
          <video
            ref={setPlayer}
            src={media.url}
            poster={media.posterUrl ?? undefined}
            controls
            playsInline
            preload="auto"
            aria-label="Output under review"
            className={`${frame} bg-black object-contain ${tone}`}
          />
        ) : (
          <audio
            ref={setPlayer}
            src={media.url}
            controls
            preload="auto"
            aria-label="Output under review"
            className="w-full max-w-xl"
          />
        )}
      </figure>
    );
  return (
    <figure className="flex flex-col items-center gap-2" data-testid="review-media" data-revealed="false">
      <div className="relative flex min-h-48 min-w-72 items-center justify-center overflow-hidden rounded border border-zinc-200 bg-zinc-100 dark:border-zinc-800 dark:bg-zinc-900">
        {previewUrl ? (
          // The scale hides the blur's soft edge, which would otherwise show the frame's outline.
          <img
            src={previewUrl}
            alt="Blurred preview"
            draggable={false}
            className={`max-h-[55vh] w-auto max-w-full scale-110 object-contain blur-2xl ${tone}`}
          />
        ) : (
          <p className="px-6 text-sm text-zinc-500">
            {kind === "audio" ? "Audio" : kind === "video" ? "Video" : "Image"} hidden until revealed
          </p>
        )}
        <button
          type="button"
          onClick={() => void reveal.reveal()}
          disabled={pending}
          aria-keyshortcuts={shortcut ? "v" : undefined}
          className="absolute rounded-md bg-zinc-900/85 px-4 py-2 text-sm font-medium text-white shadow hover:bg-zinc-900 disabled:opacity-70 dark:bg-zinc-100/90 dark:text-zinc-900"
        >
          {pending ? "Revealing…" : "Reveal media"}
          {shortcut ? <KeyHint className="opacity-70">V</KeyHint> : null}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </figure>
  );
}
