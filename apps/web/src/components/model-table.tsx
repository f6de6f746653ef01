"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { EmptyState } from "./empty-state";
import { AdapterEditor } from "./generation/adapter-editor";
import { ErrorMessage } from "./error-message";
import { formatCount, formatDateTime } from "./format";
import { cardClass, linkClass, secondaryButtonClass, tableClass, tdClass, thClass } from "./styles";

/** The project's registered models with how many outputs each has and how each is run. */
export function ModelTable({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const models = useQuery(trpc.models.list.queryOptions({ projectSlug }));
  const [editing, setEditing] = useState<string | null>(null);

  if (models.isPending) return <p className="text-sm text-zinc-500">Loading models…</p>;
  if (models.isError) return <ErrorMessage>{models.error.message}</ErrorMessage>;
  if (models.data.length === 0) {
    return (
      <EmptyState title="No models yet">
        <p>
          A model is a generator whose outputs you compare. Register one with the form below, then upload its
          outputs through the REST API (<code>POST /api/v1/projects/{projectSlug}/outputs</code> with an API
          key from Settings).
        </p>
      </EmptyState>
    );
  }
  return (
    <div className={`${cardClass} overflow-x-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">Models</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Name
            </th>
            <th scope="col" className={thClass}>
              Description
            </th>
            <th scope="col" className={`${thClass} text-right`}>
              Outputs
            </th>
            <th scope="col" className={thClass}>
              Registered
            </th>
            <th scope="col" className={thClass}>
              Runs with
            </th>
          </tr>
        </thead>
        <tbody>
          {models.data.map((m) => (
            <Fragment key={m.id}>
              <tr>
                <th scope="row" className={`${tdClass} font-mono font-medium whitespace-nowrap`}>
                  {m.name}
                </th>
                <td className={`${tdClass} text-zinc-600 dark:text-zinc-400`}>{m.description || "—"}</td>
                <td className={`${tdClass} text-right tabular-nums`}>
                  {m.outputCount > 0 ? (
                    <Link
                      href={`/p/${encodeURIComponent(projectSlug)}/outputs?model=${encodeURIComponent(m.id)}`}
                      className={linkClass}
                      aria-label={`${formatCount(m.outputCount)} outputs of ${m.name}`}
                    >
                      {formatCount(m.outputCount)}
                    </Link>
                  ) : (
                    "0"
                  )}
                </td>
                <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                  {formatDateTime(m.createdAt)}
                </td>
                <td className={`${tdClass} whitespace-nowrap`}>
                  <span className="mr-2">{m.adapter ? `${m.adapter.kind} adapter` : "—"}</span>
                  <button
                    type="button"
                    onClick={() => setEditing(editing === m.id ? null : m.id)}
                    aria-expanded={editing === m.id}
                    aria-label={`${m.adapter ? "Edit" : "Set"} how ${m.name} is run`}
                    className={secondaryButtonClass}
                  >
                    {m.adapter ? "Edit" : "Set adapter"}
                  </button>
                </td>
              </tr>
              {editing === m.id ? (
                <tr>
                  <td colSpan={5} className={tdClass}>
                    <AdapterEditor projectSlug={projectSlug} model={m} onDone={() => setEditing(null)} />
                  </td>
                </tr>
              ) : null}
            </Fragment>
          ))}
        </tbody>
      </table>
    </div>
  );
}
