"use client";

import { useRouter } from "next/navigation";

/** Narrow the outputs grid to one model (or show all); the choice lives in the URL. */
export function ModelFilter({
  basePath,
  models,
  current,
}: {
  basePath: string;
  models: { id: string; name: string; outputCount: number }[];
  current: string | undefined;
}) {
  const router = useRouter();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor="model-filter" className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
        Model
      </label>
      <select
        id="model-filter"
        value={current ?? ""}
        onChange={(e) =>
          router.push(e.target.value ? `${basePath}?model=${encodeURIComponent(e.target.value)}` : basePath)
        }
        className="rounded-md border border-zinc-300 bg-white py-1 pr-8 pl-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        <option value="">All models</option>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name} ({m.outputCount})
          </option>
        ))}
      </select>
    </div>
  );
}
