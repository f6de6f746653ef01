import Link from "next/link";
import type { Role } from "./roles";
import { linkClass } from "./styles";

/** Shown instead of a section the viewer's role cannot use (the server refuses it too). */
export function NeedsRole({
  section,
  role,
  yourRole,
  overviewHref,
}: {
  section: string;
  role: Role;
  yourRole: Role;
  overviewHref: string;
}) {
  return (
    <div className="max-w-xl">
      <h1 className="text-2xl font-semibold tracking-tight">{section}</h1>
      <p className="mt-3 text-sm text-zinc-600 dark:text-zinc-400">
        This section needs the <strong>{role}</strong> role in this project; you are a{" "}
        <strong>{yourRole}</strong>. A project owner can change your role in Settings.
      </p>
      <p className="mt-3 text-sm">
        <Link href={overviewHref} className={linkClass}>
          Back to the project overview
        </Link>
      </p>
    </div>
  );
}
