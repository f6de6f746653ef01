import { describe, expect, it } from "vitest";
import { canonicalJson, paramsHash } from "./params-hash";

describe("paramsHash", () => {
  it("is empty for no parameters and ignores key order", () => {
    expect(paramsHash({})).toBe("");
    expect(paramsHash({ steps: 4, cfg: { scale: 7.5, rescale: 0 } })).toBe(
      paramsHash({ cfg: { rescale: 0, scale: 7.5 }, steps: 4 }),
    );
    expect(paramsHash({ steps: 4 })).not.toBe(paramsHash({ steps: 8 }));
    expect(canonicalJson({ b: 1, a: [2, { d: 1, c: 0 }] })).toBe('{"a":[2,{"c":0,"d":1}],"b":1}');
  });
});
