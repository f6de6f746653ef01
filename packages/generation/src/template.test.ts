import { describe, expect, it } from "vitest";
import { fillTemplate, TemplateError, valueAtPath } from "./template";

const values = { prompt: 'a "red" cube', promptId: "17", seed: 42n, params: { steps: 4, guidance: 7.5 } };

describe("fillTemplate", () => {
  it("puts typed values where a string is exactly one placeholder", () => {
    expect(
      fillTemplate(
        { prompt: "{{prompt}}", seed: "{{seed}}", steps: "{{ params.steps }}", params: "{{params}}", n: 1 },
        values,
      ),
    ).toEqual({ prompt: 'a "red" cube', seed: 42, steps: 4, params: { steps: 4, guidance: 7.5 }, n: 1 });
  });

  it("writes values as text inside longer strings and walks arrays", () => {
    expect(fillTemplate(["id-{{prompt_id}}-{{seed}}", "g={{params.guidance}}"], values)).toEqual([
      "id-17-42",
      "g=7.5",
    ]);
  });

  it("sends a seed beyond 2^53 as a string, so no digit is lost", () => {
    expect(fillTemplate("{{seed}}", { ...values, seed: 2n ** 60n })).toBe("1152921504606846976");
  });

  it("refuses an unknown placeholder or a parameter that is not set", () => {
    expect(() => fillTemplate("{{negative}}", values)).toThrow(TemplateError);
    expect(() => fillTemplate("{{params.size}}", values)).toThrow(/no parameter "size"/);
    // Misspelt or nested placeholders are errors too, never text sent as it is.
    expect(() => fillTemplate("{{Prompt}}", values)).toThrow(/unknown placeholder \{\{Prompt\}\}/);
    expect(() => fillTemplate("x {{params.a.b}}", values)).toThrow(TemplateError);
    expect(() => fillTemplate("{{params.constructor}}", values)).toThrow(/no parameter "constructor"/);
  });
});

describe("valueAtPath", () => {
  it("reads OpenAI-style nested paths and gives undefined for missing steps", () => {
    const json = { data: [{ b64_json: "abc" }] };
    expect(valueAtPath(json, "data.0.b64_json")).toBe("abc");
    expect(valueAtPath(json, "data.1.b64_json")).toBeUndefined();
    expect(valueAtPath("x", "a")).toBeUndefined();
  });
});
