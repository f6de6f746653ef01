"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "../error-message";
import { formatCount } from "../format";
import { cardClass, secondaryButtonClass, tableClass, tdClass, thClass } from "../styles";
import { answerLabel } from "./answers";
import { GoldEditor } from "./gold-editor";
import { TaskPair } from "./task-pair";
import type { PairwiseConfig } from "./types";
import { refreshQueries } from "@/lib/refresh-queries";

const PAGE_SIZE = 20;

/**
 * The study's tasks, gold items first: mark one gold with its expected answers, edit or unmark
 * it. Raters get gold items mixed in at the study's gold ratio; their answers give gold accuracy.
 */
export function GoldTasks({
  projectSlug,
  studyId,
  axes,
}: {
  projectSlug: string;
  studyId: string;
  axes: PairwiseConfig["axes"];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(0);
  const [editing, setEditing] = useState<string | null>(null);
  const tasks = useQuery(
    trpc.studies.tasks.queryOptions({ projectSlug, studyId, skip: page * PAGE_SIZE, take: PAGE_SIZE }),
  );
  const refresh = () => refreshQueries(queryClient, { queryKey: trpc.studies.tasks.pathKey() });
  const unset = useMutation(trpc.studies.setGold.mutationOptions({ onSuccess: refresh }));

  if (tasks.isPending) return <p className="text-sm text-zinc-500">Loading tasks…</p>;
  if (tasks.isError) return <ErrorMessage>{tasks.error.message}</ErrorMessage>;
  const { total } = tasks.data;
  if (total === 0)
    return (
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Tasks are made when the study is launched; then any of them can become a gold item.
      </p>
    );
  const pages = Math.ceil(total / PAGE_SIZE);
  return (
    <div className="space-y-3">
      <ErrorMessage>{unset.error?.message}</ErrorMessage>
      <div className={`${cardClass} overflow-x-auto`}>
        <table className={tableClass}>
          <caption className="sr-only">Tasks</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>
                Prompt
              </th>
              <th scope="col" className={thClass}>
                Pair
              </th>
              <th scope="col" className={`${thClass} text-right`}>
                Judgments
              </th>
              <th scope="col" className={thClass}>
                Gold
              </th>
              <th scope="col" className={thClass}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {tasks.data.tasks.map((task) => (
              <Fragment key={task.id}>
                <tr data-testid="study-task" data-gold={task.isGold ? "true" : "false"}>
                  <td className={`${tdClass} max-w-sm`}>
                    <span className="mr-1 font-mono text-xs text-zinc-500">{task.promptId}</span>
                    {task.prompt}
                  </td>
                  <td className={tdClass}>
                    <TaskPair task={task} />
                  </td>
                  <td className={`${tdClass} text-right tabular-nums`}>
                    {formatCount(task.judgments)}
                    {task.target === null ? "" : ` / ${formatCount(task.target)}`}
                  </td>
                  <td className={tdClass}>
                    {task.isGold && task.goldAnswers ? (
                      <ul className="text-xs">
                        {Object.entries(task.goldAnswers).map(([axisId, answer]) => (
                          <li key={axisId}>
                            {axes.find((a) => a.id === axisId)?.label ?? axisId}:{" "}
                            <strong>{answerLabel(answer)}</strong>
                          </li>
                        ))}
                      </ul>
                    ) : (
                      "—"
                    )}
                  </td>
                  <td className={`${tdClass} whitespace-nowrap`}>
                    <div className="flex flex-col gap-1">
                      <button
                        type="button"
                        onClick={() => setEditing(editing === task.id ? null : task.id)}
                        aria-expanded={editing === task.id}
                        className={secondaryButtonClass}
                      >
                        {task.isGold ? "Edit gold" : "Mark gold"}
                      </button>
                      {task.isGold ? (
                        <button
                          type="button"
                          disabled={unset.isPending}
                          onClick={() =>
                            unset.mutate({ projectSlug, studyId, taskId: task.id, answers: null })
                          }
                          className={secondaryButtonClass}
                        >
                          Unmark gold
                        </button>
                      ) : null}
                    </div>
                  </td>
                </tr>
                {editing === task.id ? (
                  <tr>
                    <td colSpan={5} className={`${tdClass} bg-zinc-50 dark:bg-zinc-950`}>
                      <GoldEditor
                        projectSlug={projectSlug}
                        studyId={studyId}
                        task={task}
                        axes={axes}
                        onDone={() => {
                          setEditing(null);
                          void refresh();
                        }}
                      />
                    </td>
                  </tr>
                ) : null}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Task pages" className="flex items-center justify-between gap-4 text-sm">
        <p className="text-zinc-600 dark:text-zinc-400">
          {formatCount(total)} tasks · page {page + 1} of {pages}
        </p>
        <div className="flex gap-2">
          <button
            type="button"
            disabled={page === 0}
            onClick={() => setPage(page - 1)}
            className={secondaryButtonClass}
          >
            ← Previous
          </button>
          <button
            type="button"
            disabled={page + 1 >= pages}
            onClick={() => setPage(page + 1)}
            className={secondaryButtonClass}
          >
            Next →
          </button>
        </div>
      </nav>
    </div>
  );
}
