import Link from "next/link";

/** Switches between a study's page, its live monitor and its results; the open one is marked current. */
export function StudyTabs({
  studyHref,
  current,
}: {
  studyHref: string;
  current: "study" | "monitor" | "results";
}) {
  const tabs = [
    { key: "study", label: "Design and items", href: studyHref },
    { key: "monitor", label: "Monitor", href: `${studyHref}/monitor` },
    { key: "results", label: "Results", href: `${studyHref}/results` },
  ] as const;
  return (
    <nav aria-label="Study views" className="mb-6 border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-4 text-sm">
        {tabs.map((t) => (
          <li key={t.key}>
            <Link
              href={t.href}
              aria-current={t.key === current ? "page" : undefined}
              className={`inline-block border-b-2 px-1 pb-2 font-medium ${
                t.key === current
                  ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
                  : "border-transparent text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-zinc-100"
              }`}
            >
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
