"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * A modal panel over the page. Focus moves into it when it opens (unless a child already took it,
 * e.g. with autoFocus) so keyboard and screen-reader users land in it, and goes back to where it
 * was when it closes. Pages with global shortcuts close it on Escape themselves.
 */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const panel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (panel.current && !panel.current.contains(document.activeElement)) panel.current.focus();
    return () => {
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <div className="fixed inset-0 z-10 flex items-center justify-center bg-zinc-950/40 p-4" onClick={onClose}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-label={title}
        tabIndex={-1}
        onClick={(e) => e.stopPropagation()}
        className="max-h-[80vh] w-full max-w-lg overflow-auto rounded-lg bg-white p-5 shadow-xl outline-none dark:bg-zinc-900"
      >
        <div className="flex items-start justify-between">
          <h2 className="font-semibold">{title}</h2>
          <button type="button" onClick={onClose} aria-label="Close" className="text-zinc-500">
            ×
          </button>
        </div>
        <div className="mt-3">{children}</div>
      </div>
    </div>
  );
}
