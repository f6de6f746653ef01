"use client";

/**
 * The two outputs side by side, large. Images get a synchronized magnifier (the same region of
 * both, zoomed); videos play, pause, seek, loop and step frames together; audio gets two players
 * and a "play both in turn" control (Space). Media URLs are opaque tokens: nothing here names a model.
 */
import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from "react";

export type MediaView = {
  kind: "image" | "video" | "audio";
  url: string;
  posterUrl: string | null;
  width: number | null;
  height: number | null;
  durationSeconds: number | null;
  fps: number | null;
};

/** What the keyboard handler can ask of the pair. */
export type MediaPairHandle = {
  togglePlay(): void;
  stepFrame(direction: 1 | -1): void;
  toggleLoop(): void;
  toggleMagnifier(): void;
};

const ZOOM = 3;

const sideName = (index: number) => (index === 0 ? "Left" : "Right");

function SideCaption({ index }: { index: number }) {
  return (
    <figcaption className="mb-1 text-xs font-semibold uppercase tracking-wide text-zinc-500">
      {sideName(index)}
    </figcaption>
  );
}
const LENS = 180;

function ImagePair({ left, right, magnifier }: { left: MediaView; right: MediaView; magnifier: boolean }) {
  // The pointer position as a fraction of the hovered image; both lenses show that point.
  const [point, setPoint] = useState<{ x: number; y: number } | null>(null);
  const onMove = (e: React.PointerEvent<HTMLImageElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    setPoint({ x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height });
  };
  return (
    <div className="grid grid-cols-2 gap-3">
      {[left, right].map((media, i) => (
        <figure key={i} className="relative flex min-h-0 flex-col items-center">
          <SideCaption index={i} />
          <div className="relative">
            <img
              src={media.url}
              alt={`${sideName(i)} output`}
              draggable={false}
              onPointerMove={magnifier ? onMove : undefined}
              onPointerLeave={() => setPoint(null)}
              className={`max-h-[48vh] w-auto max-w-full rounded border border-zinc-200 object-contain dark:border-zinc-800 ${magnifier ? "cursor-crosshair" : ""}`}
            />
            {magnifier && point ? (
              <div
                aria-hidden
                data-testid="magnifier-lens"
                className="pointer-events-none absolute rounded-full border-2 border-white shadow-lg ring-1 ring-zinc-900/30"
                style={{
                  width: LENS,
                  height: LENS,
                  left: `calc(${point.x * 100}% - ${LENS / 2}px)`,
                  top: `calc(${point.y * 100}% - ${LENS / 2}px)`,
                  backgroundImage: `url(${media.url})`,
                  backgroundRepeat: "no-repeat",
                  backgroundSize: `${ZOOM * 100}%`,
                  backgroundPosition: `${point.x * 100}% ${point.y * 100}%`,
                }}
              />
            ) : null}
          </div>
        </figure>
      ))}
    </div>
  );
}

function VideoPair({
  left,
  right,
  handle,
}: {
  left: MediaView;
  right: MediaView;
  handle: Ref<MediaPairHandle>;
}) {
  const refs = [useRef<HTMLVideoElement>(null), useRef<HTMLVideoElement>(null)];
  const [playing, setPlaying] = useState(false);
  const [loop, setLoop] = useState(true);
  const [time, setTime] = useState(0);
  const duration = Math.max(left.durationSeconds ?? 0, right.durationSeconds ?? 0);
  const fps = left.fps ?? right.fps ?? 24;
  const videos = () => refs.map((r) => r.current).filter((v): v is HTMLVideoElement => v !== null);

  const play = useCallback(async () => {
    const [a, b] = videos();
    if (a && b) b.currentTime = a.currentTime;
    await Promise.all(videos().map((v) => v.play().catch(() => undefined)));
    setPlaying(true);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- refs are stable
  const pause = useCallback(() => {
    for (const v of videos()) v.pause();
    setPlaying(false);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps -- refs are stable
  const seek = (t: number) => {
    for (const v of videos()) v.currentTime = Math.min(t, v.duration || t);
    setTime(t);
  };

  useImperativeHandle(handle, () => ({
    togglePlay: () => (playing ? pause() : void play()),
    stepFrame: (direction) => {
      pause();
      const t = Math.max(0, (videos()[0]?.currentTime ?? 0) + direction / fps);
      seek(t);
    },
    toggleLoop: () => setLoop((l) => !l),
    toggleMagnifier: () => undefined,
  }));

  // Keep the two in step: the left video is the clock; the right one is nudged when it drifts.
  useEffect(() => {
    const [a, b] = [refs[0]!.current, refs[1]!.current];
    if (!a || !b) return;
    const onTime = () => {
      setTime(a.currentTime);
      if (Math.abs(a.currentTime - b.currentTime) > 0.1 && !b.seeking) b.currentTime = a.currentTime;
    };
    const onEnded = () => {
      if (!loop) setPlaying(false);
    };
    a.addEventListener("timeupdate", onTime);
    a.addEventListener("ended", onEnded);
    return () => {
      a.removeEventListener("timeupdate", onTime);
      a.removeEventListener("ended", onEnded);
    };
  }, [loop]); // eslint-disable-line react-hooks/exhaustive-deps -- refs are stable

  return (
    <div>
      <div className="grid grid-cols-2 gap-3">
        {[left, right].map((media, i) => (
          <figure key={i} className="flex flex-col items-center">
            <SideCaption index={i} />
            <video
              ref={refs[i]}
              src={media.url}
              poster={media.posterUrl ?? undefined}
              muted
              playsInline
              loop={loop}
              preload="auto"
              aria-label={`${sideName(i)} video`}
              className="max-h-[45vh] w-full rounded border border-zinc-200 bg-black object-contain dark:border-zinc-800"
            />
          </figure>
        ))}
      </div>
      <div className="mt-2 flex items-center gap-3 text-sm">
        <button
          type="button"
          onClick={() => (playing ? pause() : void play())}
          className="rounded border border-zinc-300 px-2 py-1 dark:border-zinc-700"
        >
          {playing ? "Pause both" : "Play both"} <kbd className="text-xs text-zinc-500">Space</kbd>
        </button>
        <input
          type="range"
          aria-label="Position in both videos"
          min={0}
          max={duration || 1}
          step={1 / fps}
          value={time}
          onChange={(e) => seek(Number(e.target.value))}
          className="flex-1"
        />
        <span className="w-24 tabular-nums text-zinc-500">
          {time.toFixed(2)} / {duration.toFixed(2)} s
        </span>
        <label className="flex items-center gap-1">
          <input type="checkbox" checked={loop} onChange={(e) => setLoop(e.target.checked)} /> Loop{" "}
          <kbd className="text-xs text-zinc-500">L</kbd>
        </label>
      </div>
    </div>
  );
}

function AudioPair({
  left,
  right,
  handle,
}: {
  left: MediaView;
  right: MediaView;
  handle: Ref<MediaPairHandle>;
}) {
  const refs = [useRef<HTMLAudioElement>(null), useRef<HTMLAudioElement>(null)];
  // "Play both in turn": left from the start, then right, so the two are heard back to back.
  const playInTurn = async () => {
    const [a, b] = [refs[0]!.current, refs[1]!.current];
    if (!a || !b) return;
    b.pause();
    b.currentTime = 0;
    a.currentTime = 0;
    a.addEventListener("ended", () => void b.play().catch(() => undefined), { once: true });
    await a.play().catch(() => undefined);
  };
  useImperativeHandle(handle, () => ({
    togglePlay: () => {
      const playing = refs.some((r) => r.current && !r.current.paused);
      if (playing) for (const r of refs) r.current?.pause();
      else void playInTurn();
    },
    stepFrame: () => undefined,
    toggleLoop: () => undefined,
    toggleMagnifier: () => undefined,
  }));
  return (
    <div>
      <div className="grid grid-cols-2 gap-3">
        {[left, right].map((media, i) => (
          <figure key={i} className="rounded border border-zinc-200 p-4 dark:border-zinc-800">
            <SideCaption index={i} />
            <audio
              ref={refs[i]}
              src={media.url}
              controls
              preload="auto"
              className="w-full"
              aria-label={`${sideName(i)} audio`}
            />
          </figure>
        ))}
      </div>
      <button
        type="button"
        onClick={() => void playInTurn()}
        className="mt-2 rounded border border-zinc-300 px-2 py-1 text-sm dark:border-zinc-700"
      >
        Play both in turn <kbd className="text-xs text-zinc-500">Space</kbd>
      </button>
    </div>
  );
}

export function MediaPair({
  left,
  right,
  handle,
}: {
  left: MediaView;
  right: MediaView;
  handle: Ref<MediaPairHandle>;
}) {
  const [magnifier, setMagnifier] = useState(false);
  const isImage = left.kind === "image" && right.kind === "image";
  useImperativeHandle(
    isImage ? handle : null,
    () => ({
      togglePlay: () => undefined,
      stepFrame: () => undefined,
      toggleLoop: () => undefined,
      toggleMagnifier: () => setMagnifier((m) => !m),
    }),
    [],
  );
  if (left.kind === "video" || right.kind === "video")
    return <VideoPair left={left} right={right} handle={handle} />;
  if (left.kind === "audio" || right.kind === "audio")
    return <AudioPair left={left} right={right} handle={handle} />;
  return (
    <div>
      <ImagePair left={left} right={right} magnifier={magnifier} />
      <p className="mt-1 text-center text-xs text-zinc-500">
        Magnifier {magnifier ? "on: point at either image" : "off"} · <kbd>Z</kbd>
      </p>
    </div>
  );
}

/** Starts downloading a task's media so it shows without a wait when its turn comes. */
export function preloadMedia(media: MediaView[]) {
  for (const m of media) {
    if (m.kind === "image") new Image().src = m.url;
    else if (m.posterUrl) new Image().src = m.posterUrl;
  }
}
