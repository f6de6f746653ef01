/**
 * `http`: POST (a filled JSON template) to the user's inference server. The response is either
 * media itself (image/*, video/*, audio/*, application/octet-stream) or JSON carrying the media at
 * `mediaPath` as base64, a data: URL, an http(s) URL or a file path on this machine — which covers
 * OpenAI-style image endpoints ({"data":[{"b64_json": ...}]}) and the usual diffusers/ComfyUI
 * wrappers. Anything else (an HTML error page, a JSON error) fails with what the server said.
 */
import fsp from "node:fs/promises";
import {
  GenerationError,
  type GeneratedMedia,
  type GenerationAdapter,
  type GenerationRequest,
} from "../adapter";
import type { HttpAdapterConfig } from "../config";
import { fillTemplate, TemplateError, valueAtPath } from "../template";

/** The most a response may carry: beyond it the call fails instead of filling memory. */
export const MAX_RESPONSE_BYTES = 512 * 1024 * 1024;

/** Of an error answer only the start is read: enough for its message, never its whole body. */
const MAX_ERROR_BYTES = 64 * 1024;

const MEDIA_TYPE = /^(image|video|audio)\/|^application\/octet-stream/;
/** What an HTTP header value may hold (fetch refuses anything else). */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

export class HttpAdapter implements GenerationAdapter {
  readonly kind = "http";
  readonly usesGpu = false;

  constructor(
    private readonly config: HttpAdapterConfig,
    /** The decrypted value of `config.authSecret`, resolved by the worker. */
    private readonly secret?: string,
  ) {}

  async generate(request: GenerationRequest): Promise<GeneratedMedia> {
    let body: unknown;
    try {
      body = fillTemplate(this.config.body, request);
    } catch (err) {
      if (err instanceof TemplateError) throw new GenerationError(err.message, false);
      throw err;
    }
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "image/*, video/*, audio/*, application/json",
      ...this.config.headers,
    };
    if (this.config.authSecret) {
      if (!this.secret)
        throw new GenerationError(`the secret "${this.config.authSecret}" is not set in this project`, false);
      // Never echo a secret: fetch's own error for a bad header value would quote it.
      if (!HEADER_VALUE.test(this.secret) || !HEADER_VALUE.test(this.config.authScheme))
        throw new GenerationError(
          `the secret "${this.config.authSecret}" cannot be sent in an HTTP header (it has a line break or a character outside Latin-1)`,
          false,
        );
      headers[this.config.authHeader] = this.config.authScheme
        ? `${this.config.authScheme} ${this.secret}`
        : this.secret;
    }
    const response = await send(this.config.url, {
      method: "POST",
      headers,
      body: JSON.stringify(body),
      signal: request.signal,
      // A redirect would carry a custom auth header to wherever it points.
      redirect: "error",
    });
    const type = response.headers.get("content-type")?.toLowerCase() ?? "";
    if (!response.ok) {
      const text = (await readLimited(response, MAX_ERROR_BYTES).catch(() => Buffer.alloc(0))).toString(
        "utf8",
      );
      throw new GenerationError(
        `${this.config.url} answered ${response.status} ${response.statusText}: ${summarize(text, type)}`,
        response.status === 429 || response.status === 408 || response.status >= 500,
      );
    }
    if (MEDIA_TYPE.test(type)) return { media: await readLimited(response) };
    if (type.includes("json")) return this.fromJson(await readLimited(response), request.signal);
    const text = (await readLimited(response)).toString("utf8");
    throw new GenerationError(
      `the server answered ${type || "no content type"}, not media: ${summarize(text, type)}`,
      false,
    );
  }

  private async fromJson(raw: Buffer, signal: AbortSignal): Promise<GeneratedMedia> {
    let json: unknown;
    try {
      json = JSON.parse(raw.toString("utf8"));
    } catch {
      throw new GenerationError("the server answered JSON that does not parse", false);
    }
    const path = this.config.mediaPath;
    if (!path)
      throw new GenerationError(
        `the server answered JSON (${summarize(raw.toString("utf8"), "json")}); set mediaPath to where the media is`,
        false,
      );
    const value = valueAtPath(json, path);
    if (typeof value !== "string" || value === "")
      throw new GenerationError(
        `the JSON response has no media at "${path}": ${summarize(raw.toString("utf8"), "json")}`,
        false,
      );
    const stepsValue = this.config.stepsPath ? valueAtPath(json, this.config.stepsPath) : undefined;
    const steps =
      typeof stepsValue === "number" && Number.isInteger(stepsValue) && stepsValue >= 0
        ? stepsValue
        : undefined;
    return { media: await mediaFromString(value, signal), ...(steps !== undefined ? { steps } : {}) };
  }
}

/** fetch, with network failures (refused, reset, DNS) turned into transient errors. */
async function send(url: string, init: RequestInit & { signal: AbortSignal }): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if (init.signal.aborted) throw err;
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    // fetch's TypeError without a network cause is a request it refused to send (a bad header, a
    // redirect): permanent, and its text is not repeated (it may quote a header value).
    if (!cause)
      throw new GenerationError(
        `the request to ${url} could not be sent (a redirect, or a header fetch refuses)`,
        false,
      );
    throw new GenerationError(
      `could not reach ${url}: ${cause.code ?? cause.message ?? "network error"}`,
      true,
    );
  }
}

async function mediaFromString(value: string, signal: AbortSignal): Promise<Buffer | { path: string }> {
  const dataUrl = /^data:[^;,]*;base64,/.exec(value);
  if (dataUrl) return Buffer.from(value.slice(dataUrl[0].length), "base64");
  if (/^https?:\/\//.test(value)) {
    const response = await send(value, { signal });
    if (!response.ok)
      throw new GenerationError(`fetching ${value} answered ${response.status}`, response.status >= 500);
    return readLimited(response);
  }
  if (value.startsWith("/")) {
    try {
      await fsp.access(value);
    } catch {
      throw new GenerationError(`the server named a file that is not on this machine: ${value}`, false);
    }
    return { path: value };
  }
  if (/^[A-Za-z0-9+/=\s_-]+$/.test(value)) return Buffer.from(value, "base64");
  throw new GenerationError(`the media value is not base64, a data: URL, a URL or a file path`, false);
}

/** The body, refusing to buffer more than MAX_RESPONSE_BYTES. */
async function readLimited(response: Response, cap?: number): Promise<Buffer> {
  const limit = cap ?? MAX_RESPONSE_BYTES;
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (cap === undefined && declared > limit)
    throw new GenerationError(`the response is ${declared} bytes, over the ${limit}-byte limit`, false);
  if (!response.body) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let total = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limit) {
        // An error body is cut short; a media body over the limit is refused.
        if (cap !== undefined) {
          chunks.push(Buffer.from(value.subarray(0, value.byteLength - (total - limit))));
          break;
        }
        throw new GenerationError(`the response is over the ${limit}-byte limit`, false);
      }
      chunks.push(Buffer.from(value));
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return Buffer.concat(chunks);
}

/** A short, single-line excerpt of an error body (an HTML page's title when there is one). */
function summarize(text: string, type: string): string {
  const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
  const shown =
    type.includes("html") && title ? `an HTML page "${title.trim()}"` : text.replace(/\s+/g, " ").trim();
  return shown.length > 200 ? `${shown.slice(0, 200)}…` : shown || "(empty)";
}
