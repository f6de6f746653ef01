"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export type NavSection = { href: string; label: string; group: string; exact?: boolean };

/** The project's sections, grouped; the current one is marked for screen readers and sighted users. */
export function SectionNav({ sections }: { sections: NavSection[] }) {
  const pathname = usePathname();
  const groups = [...new Set(sections.map((s) => s.group))];
  return (
    <nav aria-label="Project sections" className="flex flex-col gap-4 px-3 py-4">
      {groups.map((group) => (
        <div key={group}>
          {group ? (
            <p className="px-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
              {group}
            </p>
          ) : null}
          <ul className="flex flex-col gap-0.5">
            {sections
              .filter((s) => s.group === group)
              .map((s) => {
                const active = s.exact
                  ? pathname === s.href
                  : pathname === s.href || pathname.startsWith(`${s.href}/`);
                return (
                  <li key={s.href}>
                    <Link
                      href={s.href}
                      aria-current={active ? "page" : undefined}
                      className={
                        active
                          ? "block rounded-md bg-indigo-50 px-2 py-1.5 text-sm font-medium text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
                          : "block rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
                      }
                    >
                      {s.label}
                    </Link>
                  </li>
                );
              })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
