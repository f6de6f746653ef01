/**
 * Reading a multipart upload with a size cap checked before the body is read, and small typed
 * accessors for its fields. Used by the REST API and by the web app's upload routes.
 */
import { error } from "./respond";

/** A single output file (POST /outputs). */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** A whole import (manifest + files, or a prompt file) in one request; larger ones use the CLI. */
export const MAX_IMPORT_BYTES = 512 * 1024 * 1024;

export type UploadForm = {
  form: FormData;
  /** A non-empty text field, or undefined. */
  field: (name: string) => string | undefined;
  /** A file part, or undefined. */
  file: (name: string) => File | undefined;
};

/** The form, or the error response to send (413 too large, 415 not multipart, 400 unreadable). */
export async function readUploadForm(req: Request, maxBytes: number): Promise<UploadForm | Response> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > maxBytes) return error(413, `upload is larger than ${maxBytes / 1024 / 1024} MB`);
  if (!req.headers.get("content-type")?.startsWith("multipart/form-data")) {
    return error(415, "send multipart/form-data");
  }
  let form: FormData;
  try {
    form = await req.formData();
  } catch {
    return error(400, "the multipart body could not be read");
  }
  return {
    form,
    field: (name) => {
      const v = form.get(name);
      return typeof v === "string" && v.trim() !== "" ? v.trim() : undefined;
    },
    file: (name) => {
      const v = form.get(name);
      return v instanceof File ? v : undefined;
    },
  };
}
