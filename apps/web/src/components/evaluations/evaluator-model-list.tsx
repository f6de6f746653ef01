"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatDateTime } from "../format";
import { cardClass, tableClass, tdClass, thClass } from "../styles";

/** The registered evaluator models (instance-wide; registered on the server with `loupe models add`). */
export function EvaluatorModelList({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const models = useQuery(trpc.evaluations.models.queryOptions({ projectSlug }));
  if (models.isError) return <ErrorMessage>{models.error.message}</ErrorMessage>;
  return (
    <section aria-labelledby="evaluator-models" className="space-y-2">
      <h2 id="evaluator-models" className="text-base font-semibold">
        Evaluator models
      </h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Neural metrics run ONNX models you export yourself (recipes in docs/models.md) and register on the
        server:{" "}
        <code>loupe models add clip-vit-b32 --image image.onnx --text text.onnx --tokenizer dir/</code>. Each
        file is checked against its sha256 every time it loads; nothing is downloaded.
      </p>
      {models.data && models.data.length > 0 ? (
        <div className={`${cardClass} overflow-x-auto`}>
          <table className={tableClass}>
            <caption className="sr-only">Registered evaluator models</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Name
                </th>
                <th scope="col" className={thClass}>
                  Kind
                </th>
                <th scope="col" className={thClass}>
                  Registered
                </th>
              </tr>
            </thead>
            <tbody>
              {models.data.map((m) => (
                <tr key={m.name}>
                  <th scope="row" className={`${tdClass} font-mono font-medium`}>
                    {m.name}
                  </th>
                  <td className={tdClass}>{m.kind}</td>
                  <td className={`${tdClass} text-zinc-600 dark:text-zinc-400`}>
                    {formatDateTime(m.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : models.data ? (
        <p className="text-sm text-zinc-500">No evaluator models are registered yet.</p>
      ) : null}
    </section>
  );
}
