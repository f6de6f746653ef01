/**
 * Posting an import form to the pages' upload route (`/api/uploads/:slug/:kind`). It answers with
 * the per-row report (422 too: a file none of whose rows could be imported still has a report),
 * or with `{ error }` and one readable line, which is thrown.
 */
export async function postUpload<T>(
  slug: string,
  kind: "prompts" | "outputs" | "references",
  form: FormData,
): Promise<T> {
  const res = await fetch(`/api/uploads/${encodeURIComponent(slug)}/${kind}`, { method: "POST", body: form });
  const body = (await res.json().catch(() => null)) as (T & { error?: string }) | null;
  if (res.ok || (res.status === 422 && body)) return body as T;
  throw new Error(body?.error ?? `the upload failed (HTTP ${res.status})`);
}

/** A file's multipart part name: its path inside a picked folder (`webkitdirectory`), else its name. */
export const partName = (f: File) =>
  (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name;
