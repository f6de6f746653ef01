import { formatCount, formatPercent } from "../format";
import { tableClass, tdClass, thClass } from "../styles";
import type { PairResult } from "./types";

type Cell = { value: number | null; text: string; title: string };

/**
 * A model × model grid, as an accessible table: each cell is the row model against the column
 * model, shaded by its value. Used for win rates (row's share of decisive wins) and for the
 * number of judgments per pair.
 */
function Heatmap({
  models,
  caption,
  cell,
  shade,
  testId,
}: {
  models: string[];
  caption: string;
  cell: (row: string, column: string) => Cell | null;
  shade: (value: number) => string;
  testId: string;
}) {
  return (
    <div className="overflow-auto">
      <table className={`${tableClass} w-auto`} data-testid={testId}>
        <caption className="mb-1 text-left text-sm font-medium">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              <span className="sr-only">Model</span>
            </th>
            {models.map((m) => (
              <th key={m} scope="col" className={`${thClass} text-center normal-case`}>
                {m}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {models.map((row) => (
            <tr key={row}>
              <th scope="row" className={`${tdClass} font-medium`}>
                {row}
              </th>
              {models.map((column) => {
                const c = row === column ? null : cell(row, column);
                return (
                  <td
                    key={column}
                    title={c?.title}
                    className={`${tdClass} min-w-16 text-center tabular-nums`}
                    style={c && c.value !== null ? { backgroundColor: shade(c.value) } : undefined}
                  >
                    {c?.text ?? ""}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function findPair(pairs: PairResult[], row: string, column: string) {
  const direct = pairs.find((p) => p.modelA === row && p.modelB === column);
  if (direct) return { pair: direct, flipped: false };
  const flipped = pairs.find((p) => p.modelA === column && p.modelB === row);
  return flipped ? { pair: flipped, flipped: true } : null;
}

/** Indigo for the row model winning, orange for losing, white at an even split. */
const winShade = (share: number) =>
  share >= 0.5
    ? `rgba(79, 70, 229, ${((share - 0.5) * 2 * 0.55).toFixed(3)})`
    : `rgba(234, 88, 12, ${((0.5 - share) * 2 * 0.55).toFixed(3)})`;

export function WinRateHeatmap({ models, pairs }: { models: string[]; pairs: PairResult[] }) {
  return (
    <Heatmap
      models={models}
      testId="win-rate-heatmap"
      caption="Win rate of the row model against the column model (decisive judgments)"
      shade={winShade}
      cell={(row, column) => {
        const found = findPair(pairs, row, column);
        if (!found || found.pair.winRate.value === null) return null;
        const share = found.flipped ? 1 - found.pair.winRate.value : found.pair.winRate.value;
        return {
          value: share,
          text: formatPercent(share),
          title: `${row} won ${formatPercent(share)} of ${formatCount(found.pair.decisive)} decisive judgments against ${column}`,
        };
      }}
    />
  );
}

export function JudgmentsHeatmap({ models, pairs }: { models: string[]; pairs: PairResult[] }) {
  const most = Math.max(1, ...pairs.map((p) => p.total));
  return (
    <Heatmap
      models={models}
      testId="judgments-heatmap"
      caption="Judgments per pair"
      shade={(n) => `rgba(79, 70, 229, ${((n / most) * 0.5).toFixed(3)})`}
      cell={(row, column) => {
        const found = findPair(pairs, row, column);
        if (!found) return null;
        return {
          value: found.pair.total,
          text: formatCount(found.pair.total),
          title: `${formatCount(found.pair.total)} judgments on ${found.pair.prompts} prompts`,
        };
      }}
    />
  );
}
