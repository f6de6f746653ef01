"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { formatDateTime } from "./format";
import { RoleSelect } from "./role-select";
import { cardClass, dangerButtonClass, tableClass, tdClass, thClass } from "./styles";
import { refreshQueries } from "@/lib/refresh-queries";

/** Who is in the project and with which role; owners change roles and remove members here. */
export function MemberList({ projectSlug, currentEmail }: { projectSlug: string; currentEmail: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.members.list.queryOptions({ projectSlug }));
  const refresh = () =>
    refreshQueries(queryClient, { queryKey: trpc.members.list.queryKey({ projectSlug }) });
  const changeRole = useMutation(trpc.members.changeRole.mutationOptions({ onSettled: refresh }));
  const remove = useMutation(trpc.members.remove.mutationOptions({ onSettled: refresh }));

  if (members.isPending) return <p className="text-sm text-zinc-500">Loading members…</p>;
  if (members.isError) return <ErrorMessage>{members.error.message}</ErrorMessage>;

  return (
    <div className="space-y-3">
      <ErrorMessage>{changeRole.error?.message ?? remove.error?.message}</ErrorMessage>
      <div className={`${cardClass} overflow-x-auto`}>
        <table className={tableClass}>
          <caption className="sr-only">Members</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>
                Member
              </th>
              <th scope="col" className={`${thClass} w-80`}>
                Role
              </th>
              <th scope="col" className={thClass}>
                Member since
              </th>
              <th scope="col" className={thClass}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {members.data.map((m) => {
              const you = m.email === currentEmail;
              return (
                <tr key={m.userId}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    {m.email}
                    {you ? <span className="ml-2 text-xs font-normal text-zinc-500">(you)</span> : null}
                    {m.name && m.name !== m.email ? (
                      <p className="text-xs font-normal text-zinc-500 dark:text-zinc-400">{m.name}</p>
                    ) : null}
                  </th>
                  <td className={tdClass}>
                    <RoleSelect
                      id={`role-${m.userId}`}
                      label={`Role of ${m.email}`}
                      hideLabel
                      value={m.role}
                      disabled={changeRole.isPending}
                      onChange={(role) => {
                        remove.reset();
                        changeRole.mutate({ projectSlug, userId: m.userId, role });
                      }}
                    />
                  </td>
                  <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                    {formatDateTime(m.since)}
                  </td>
                  <td className={`${tdClass} text-right`}>
                    <button
                      type="button"
                      className={dangerButtonClass}
                      disabled={remove.isPending}
                      aria-label={`Remove ${m.email} from the project`}
                      onClick={() => {
                        if (!window.confirm(`Remove ${m.email} from this project?`)) return;
                        changeRole.reset();
                        remove.mutate({ projectSlug, userId: m.userId });
                      }}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
