import ReactMarkdown, { type Components } from "react-markdown";

/**
 * Study instructions rendered from Markdown. react-markdown builds React elements from the syntax
 * tree: raw HTML in the text is shown as text, never parsed, and its default URL transform drops
 * `javascript:` and other unsafe link targets — so instructions cannot run anything in a browser.
 */
const components: Components = {
  h1: ({ children }) => <h3 className="mt-3 text-base font-semibold">{children}</h3>,
  h2: ({ children }) => <h4 className="mt-3 font-semibold">{children}</h4>,
  h3: ({ children }) => <h5 className="mt-2 font-semibold">{children}</h5>,
  p: ({ children }) => <p className="my-2">{children}</p>,
  ul: ({ children }) => <ul className="my-2 list-disc space-y-1 pl-5">{children}</ul>,
  ol: ({ children }) => <ol className="my-2 list-decimal space-y-1 pl-5">{children}</ol>,
  a: ({ children, href }) => (
    <a
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      className="text-indigo-700 underline dark:text-indigo-300"
    >
      {children}
    </a>
  ),
  code: ({ children }) => (
    <code className="rounded bg-zinc-100 px-1 font-mono text-xs dark:bg-zinc-800">{children}</code>
  ),
};

export function Markdown({ children }: { children: string }) {
  return (
    <div className="text-sm leading-relaxed text-zinc-800 dark:text-zinc-200">
      <ReactMarkdown components={components}>{children}</ReactMarkdown>
    </div>
  );
}
