import { StatusBadge } from "./status-badge";
import { cardClass, tableClass, tdClass, thClass } from "./styles";

export type ImportReportRow = {
  line: number;
  file?: string;
  /** Prompt imports: the imported prompt's text. */
  prompt?: string;
  status: "imported" | "duplicate" | "error";
  reason?: string;
};

/**
 * What happened to each row of an import. Reasons and file names come from the uploaded file,
 * so they are rendered as text (React escapes them), never as markup.
 */
export function ImportReportTable({ rows, caption }: { rows: ImportReportRow[]; caption: string }) {
  if (rows.length === 0) return null;
  const showFile = rows.some((r) => r.file);
  const showPrompt = rows.some((r) => r.prompt);
  return (
    <div className={`${cardClass} max-h-96 overflow-auto`}>
      <table className={tableClass}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col" className={`${thClass} text-right`}>
              Line
            </th>
            {showFile ? (
              <th scope="col" className={thClass}>
                File
              </th>
            ) : null}
            {showPrompt ? (
              <th scope="col" className={thClass}>
                Prompt
              </th>
            ) : null}
            <th scope="col" className={thClass}>
              Status
            </th>
            <th scope="col" className={thClass}>
              Reason
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.line}:${r.file ?? ""}`}>
              <td className={`${tdClass} text-right tabular-nums`}>{r.line}</td>
              {showFile ? (
                <td className={`${tdClass} font-mono text-xs break-all`}>{r.file ?? "—"}</td>
              ) : null}
              {showPrompt ? <td className={tdClass}>{r.prompt ?? ""}</td> : null}
              <td className={tdClass}>
                <StatusBadge status={r.status} />
              </td>
              <td className={`${tdClass} text-zinc-700 dark:text-zinc-300`}>{r.reason ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The outcome of a row-by-row import: one line of totals, then the per-row table. */
export function ImportOutcome({
  caption,
  report,
  note = "",
}: {
  caption: string;
  report: {
    rows: ImportReportRow[];
    totals: { rows: number; imported: number; duplicate: number; error: number };
  };
  note?: string;
}) {
  const t = report.totals;
  return (
    <>
      <p className="text-sm" role="status">
        {`${t.rows} rows: ${t.imported} imported, ${t.duplicate} duplicate, ${t.error} error.${note}`}
      </p>
      <ImportReportTable caption={caption} rows={report.rows} />
    </>
  );
}
