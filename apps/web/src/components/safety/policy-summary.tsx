import Link from "next/link";
import { formatCount, formatDateTime } from "../format";
import { cardClass, secondaryButtonClass } from "../styles";
import { safetyHrefs } from "./hrefs";
import type { Policy } from "./types";

/** The policy new reviews are created under: its version, its size, and the way to edit it. */
export function PolicySummary({ projectSlug, policy }: { projectSlug: string; policy: Policy }) {
  return (
    <div className={`${cardClass} flex flex-wrap items-start justify-between gap-4 p-4`}>
      <div className="space-y-1 text-sm">
        <p>
          <span className="font-semibold">Version {policy.version}</span>
          <span className="text-zinc-600 dark:text-zinc-400">
            {" "}
            · {formatCount(policy.categories.length)} categories · {formatCount(policy.severities.length)}{" "}
            severity levels · saved {formatDateTime(policy.createdAt)}
          </span>
        </p>
        {policy.note ? <p className="text-zinc-600 dark:text-zinc-400">{policy.note}</p> : null}
        <p className="text-zinc-600 dark:text-zinc-400">
          {policy.categories.map((c) => c.label).join(" · ")}
        </p>
      </div>
      <Link href={safetyHrefs(projectSlug).policy} className={secondaryButtonClass}>
        Edit policy
      </Link>
    </div>
  );
}
