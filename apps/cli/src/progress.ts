import cliProgress from "cli-progress";

/**
 * A terminal progress bar for long work; plain silence when output is not a terminal (logs, CI).
 * `extra` adds fields after the count, as cli-progress placeholders ("{rate}/s") filled by the
 * payload given to `update`.
 */
export function progressBar(label: string, extra?: string) {
  if (!process.stdout.isTTY) return { update: () => undefined, stop: () => undefined };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total}${extra ? ` ${extra}` : ""}`,
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, payload?: Record<string, unknown>) {
      if (!started) {
        bar.start(total, 0, payload);
        started = true;
      }
      bar.setTotal(total);
      bar.update(done, payload);
    },
    stop: () => started && bar.stop(),
  };
}
