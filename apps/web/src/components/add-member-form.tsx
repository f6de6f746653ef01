"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/lib/trpc";
import { ErrorMessage } from "./error-message";
import { RoleSelect } from "./role-select";
import type { Role } from "./roles";
import { buttonClass, cardClass, inputClass, labelClass } from "./styles";
import { refreshQueries } from "@/lib/refresh-queries";

/** Add someone by email; a first password creates their account when they have none yet. */
export function AddMemberForm({ projectSlug }: { projectSlug: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("rater");
  const [password, setPassword] = useState("");
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation(
    trpc.members.add.mutationOptions({
      onSuccess: async (_data, vars) => {
        setAdded(`Added ${vars.email} as ${vars.role}.`);
        setEmail("");
        setPassword("");
        await refreshQueries(queryClient, { queryKey: trpc.members.list.queryKey({ projectSlug }) });
      },
    }),
  );

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setAdded(null);
    add.mutate({ projectSlug, email, role, password: password || undefined });
  }

  return (
    <section aria-labelledby="add-member-title" className={`${cardClass} p-5`}>
      <h3 id="add-member-title" className="font-semibold">
        Add a member
      </h3>
      <form
        onSubmit={onSubmit}
        className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-[1fr_16rem_1fr_auto] md:items-start"
      >
        <div>
          <label htmlFor="member-email" className={labelClass}>
            Email
          </label>
          <input
            id="member-email"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className={inputClass}
          />
        </div>
        <div>
          <RoleSelect id="member-role" label="Role" value={role} onChange={setRole} />
        </div>
        <div>
          <label htmlFor="member-password" className={labelClass}>
            First password (optional)
          </label>
          <input
            id="member-password"
            type="password"
            autoComplete="new-password"
            minLength={8}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-describedby="member-password-hint"
            className={inputClass}
          />
          <p id="member-password-hint" className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
            Only for someone without an account: creates it (8+ characters). Share it with them privately.
          </p>
        </div>
        <button type="submit" disabled={add.isPending || !email} className={`${buttonClass} md:mt-6`}>
          {add.isPending ? "Adding…" : "Add member"}
        </button>
      </form>
      <div className="mt-3 space-y-2" aria-live="polite">
        {added ? <p className="text-sm text-emerald-700 dark:text-emerald-300">{added}</p> : null}
        <ErrorMessage>{add.error?.message}</ErrorMessage>
      </div>
    </section>
  );
}
