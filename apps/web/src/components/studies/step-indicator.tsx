/**
 * Where the researcher is in the wizard: every step by name, the current one marked for screen
 * readers (aria-current="step"); steps already passed can be reopened while `onOpen` is given.
 */
export function StepIndicator({
  steps,
  current,
  onOpen,
}: {
  steps: readonly string[];
  current: number;
  onOpen?: (step: number) => void;
}) {
  const open = onOpen; // a const, so the check below still holds inside the click handler
  return (
    <nav aria-label="Wizard steps" className="mb-6">
      <ol className="flex flex-wrap gap-2 text-sm">
        {steps.map((name, i) => {
          const state = i === current ? "current" : i < current ? "done" : "todo";
          const tone =
            state === "current"
              ? "border-indigo-600 bg-indigo-600 text-white dark:border-indigo-400 dark:bg-indigo-500"
              : state === "done"
                ? "border-indigo-300 bg-indigo-50 text-indigo-800 hover:bg-indigo-100 dark:border-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
                : "border-zinc-300 text-zinc-500 dark:border-zinc-700 dark:text-zinc-400";
          const content = (
            <>
              <span aria-hidden="true" className="font-mono">
                {i + 1}
              </span>{" "}
              {name}
            </>
          );
          return (
            <li key={name} aria-current={state === "current" ? "step" : undefined}>
              {state === "done" && open ? (
                <button
                  type="button"
                  onClick={() => open(i)}
                  className={`rounded-full border px-3 py-1 ${tone}`}
                >
                  <span className="sr-only">Step {i + 1}: </span>
                  {content}
                </button>
              ) : (
                <span className={`inline-block rounded-full border px-3 py-1 ${tone}`}>
                  <span className="sr-only">Step {i + 1}: </span>
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
