"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { postUpload } from "./upload";

/**
 * The state of an import form: sending, the report that came back, or the one-line failure.
 * The page is refreshed when `changed(report)` says the import wrote something.
 */
export function useUpload<T>(
  slug: string,
  kind: "prompts" | "outputs" | "references",
  changed: (report: T) => boolean,
) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [report, setReport] = useState<T | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function send(form: FormData) {
    setPending(true);
    setReport(null);
    setFailure(null);
    try {
      const result = await postUpload<T>(slug, kind, form);
      setReport(result);
      if (changed(result)) router.refresh();
    } catch (err) {
      setFailure((err as Error).message);
    } finally {
      setPending(false);
    }
  }

  return { pending, report, failure, send };
}
