import type { StudyTask } from "./types";

function Side({ side, model, thumbnail }: { side: "A" | "B"; model: string; thumbnail: string | null }) {
  return (
    <figure className="w-24">
      {thumbnail ? (
        <img
          src={thumbnail}
          alt={`${side}: ${model}`}
          loading="lazy"
          className="aspect-square w-24 rounded bg-zinc-100 object-cover dark:bg-zinc-800"
        />
      ) : (
        <div className="flex aspect-square w-24 items-center justify-center rounded bg-zinc-100 text-xs text-zinc-500 dark:bg-zinc-800">
          no thumbnail
        </div>
      )}
      <figcaption className="mt-1 truncate font-mono text-xs" title={model}>
        <span className="font-semibold">{side}</span> {model}
      </figcaption>
    </figure>
  );
}

/**
 * A task's outputs as the researcher sees them: model A's and model B's thumbnails, named (a
 * safety study's task has one output).
 */
export function TaskPair({ task }: { task: StudyTask }) {
  if (task.modelB === null) return <Side side="A" model={task.modelA} thumbnail={task.thumbnailA} />;
  return (
    <div className="flex items-start gap-2">
      <Side side="A" model={task.modelA} thumbnail={task.thumbnailA} />
      <span className="pt-10 text-xs text-zinc-400">vs</span>
      <Side side="B" model={task.modelB} thumbnail={task.thumbnailB} />
    </div>
  );
}
