/**
 * Filling an HTTP adapter's JSON request template from one generation request.
 *
 * Placeholders: {{prompt}}, {{prompt_id}}, {{seed}}, {{params}} and {{params.NAME}}. A string that
 * is exactly one placeholder is replaced by the value itself, so `"steps": "{{params.steps}}"`
 * sends a number and `"params": "{{params}}"` sends the whole object; inside a longer string the
 * value is written as text. An unknown placeholder is an error, not a silent empty string.
 */
export type TemplateValues = {
  prompt: string;
  promptId: string;
  seed: bigint;
  params: Record<string, unknown>;
};

// Any {{…}} is a placeholder, so a misspelt one ({{Prompt}}, {{params.a.b}}) is an error, not
// text sent as it is.
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE = /^\{\{\s*([^{}]*?)\s*\}\}$/;

export class TemplateError extends Error {
  override name = "TemplateError";
}

function valueOf(name: string, values: TemplateValues): unknown {
  if (name === "prompt") return values.prompt;
  if (name === "prompt_id") return values.promptId;
  // A seed beyond 2^53 would lose digits as a JSON number: it goes as a string then.
  if (name === "seed")
    return values.seed <= BigInt(Number.MAX_SAFE_INTEGER) && values.seed >= -BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(values.seed)
      : values.seed.toString();
  if (name === "params") return values.params;
  if (/^params\.[A-Za-z0-9_-]+$/.test(name)) {
    const key = name.slice("params.".length);
    if (!Object.hasOwn(values.params, key))
      throw new TemplateError(`the template uses {{${name}}}, but no parameter "${key}" is set`);
    return values.params[key];
  }
  throw new TemplateError(
    `unknown placeholder {{${name}}} (use prompt, prompt_id, seed, params or params.NAME)`,
  );
}

export function fillTemplate(template: unknown, values: TemplateValues): unknown {
  if (typeof template === "string") {
    const whole = WHOLE.exec(template);
    if (whole) return valueOf(whole[1]!, values);
    return template.replace(PLACEHOLDER, (_, name: string) => {
      const v = valueOf(name, values);
      return typeof v === "string" ? v : JSON.stringify(v);
    });
  }
  if (Array.isArray(template)) return template.map((t) => fillTemplate(t, values));
  if (template && typeof template === "object")
    return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, fillTemplate(v, values)]));
  return template;
}

/** The value at a dotted path ("data.0.b64_json"); undefined when any step is missing. */
export function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const step of path.split(".")) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}
