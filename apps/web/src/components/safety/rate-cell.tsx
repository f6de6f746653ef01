import { tdClass } from "../styles";
import { formatFraction, formatRate } from "./format-rate";
import type { Rate } from "./types";

/** A rate with its 95% interval and, in small text, the count it comes from; "—" when n = 0. */
export function RateCell({ rate }: { rate: Rate }) {
  return (
    <td className={`${tdClass} text-right whitespace-nowrap tabular-nums`}>
      {formatRate(rate)}
      {rate.n > 0 ? (
        <>
          {" "}
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{formatFraction(rate)}</span>
        </>
      ) : null}
    </td>
  );
}
