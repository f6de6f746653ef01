/**
 * A small, safe Markdown renderer for study instructions: headings, paragraphs, bullet and
 * numbered lists, **bold**, *italic*, `code` and [links](https://…). It builds React elements
 * (never HTML strings), so whatever a researcher writes is shown as text, not executed; links
 * only keep http(s) and mailto targets.
 */
import { Fragment, type ReactNode } from "react";

const INLINE = /(\*\*[^*]+\*\*|\*[^*\s][^*]*\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string, keyPrefix: string): ReactNode[] {
  return text.split(INLINE).map((part, i) => {
    const key = `${keyPrefix}-${i}`;
    if (part.startsWith("**") && part.endsWith("**") && part.length > 4)
      return <strong key={key}>{part.slice(2, -2)}</strong>;
    if (part.startsWith("`") && part.endsWith("`") && part.length > 2)
      return (
        <code key={key} className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">
          {part.slice(1, -1)}
        </code>
      );
    const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
    if (link) {
      const href = /^(https?:|mailto:)/i.test(link[2]!) ? link[2] : undefined;
      return href ? (
        <a key={key} href={href} target="_blank" rel="noreferrer noopener" className="underline">
          {link[1]}
        </a>
      ) : (
        <Fragment key={key}>{link[1]}</Fragment>
      );
    }
    if (part.startsWith("*") && part.endsWith("*") && part.length > 2)
      return <em key={key}>{part.slice(1, -1)}</em>;
    return <Fragment key={key}>{part}</Fragment>;
  });
}

type Block = { kind: "p" | "h" | "ul" | "ol"; lines: string[]; level?: number };

function blocks(source: string): Block[] {
  const out: Block[] = [];
  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trimEnd();
    const last = out[out.length - 1];
    const heading = /^(#{1,4})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    if (line.trim() === "") out.push({ kind: "p", lines: [] });
    else if (heading) out.push({ kind: "h", lines: [heading[2]!], level: heading[1]!.length });
    else if (bullet || numbered) {
      const kind = bullet ? "ul" : "ol";
      const item = (bullet ?? numbered)![1]!;
      if (last?.kind === kind) last.lines.push(item);
      else out.push({ kind, lines: [item] });
    } else if (last?.kind === "p") last.lines.push(line.trim());
    else out.push({ kind: "p", lines: [line.trim()] });
  }
  return out.filter((b) => b.lines.length > 0);
}

export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div className={`space-y-3 text-sm leading-6 ${className}`}>
      {blocks(source).map((b, i) => {
        const key = `b${i}`;
        if (b.kind === "h")
          return (
            <p key={key} className={b.level === 1 ? "text-lg font-semibold" : "font-semibold"}>
              {inline(b.lines[0]!, key)}
            </p>
          );
        if (b.kind === "ul" || b.kind === "ol") {
          const List = b.kind;
          return (
            <List key={key} className={`${b.kind === "ul" ? "list-disc" : "list-decimal"} space-y-1 pl-5`}>
              {b.lines.map((l, j) => (
                <li key={j}>{inline(l, `${key}-${j}`)}</li>
              ))}
            </List>
          );
        }
        return <p key={key}>{inline(b.lines.join(" "), key)}</p>;
      })}
    </div>
  );
}
