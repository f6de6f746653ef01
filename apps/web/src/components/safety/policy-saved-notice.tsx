import type { PolicySaved } from "./types";

/** After a save: the new version, and the running studies that go on with the version they had. */
export function PolicySavedNotice({ saved }: { saved: PolicySaved }) {
  return (
    <section
      aria-labelledby="policy-saved-title"
      className="rounded-md border border-emerald-200 bg-emerald-50 p-3 text-sm dark:border-emerald-900 dark:bg-emerald-950/40"
    >
      <h3 id="policy-saved-title" className="font-semibold">
        Saved as version {saved.version}
      </h3>
      {saved.runningStudies.length === 0 ? (
        <p className="mt-1">No running study is on an older version; new safety reviews use this one.</p>
      ) : (
        <>
          <p className="mt-1">
            New safety reviews use this version. These running studies keep the version they were created
            with, so their reviews stay comparable:
          </p>
          <ul className="mt-1 list-disc pl-5" aria-label="Running studies that keep their version">
            {saved.runningStudies.map((s, i) => (
              <li key={`${s.name}-${i}`}>
                {s.name} — version {s.policyVersion ?? "unknown"}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
