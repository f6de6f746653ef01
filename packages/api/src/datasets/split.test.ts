import { describe, expect, it } from "vitest";
import { pseudonym, splitOfPrompt } from "./split";

describe("splitOfPrompt", () => {
  it("is a fixed function of (seed, prompt), close to the fractions asked for", () => {
    const fractions = { train: 0.8, validation: 0.1, test: 0.1 };
    const counts = { train: 0, validation: 0, test: 0 };
    for (let i = 0; i < 20_000; i++) counts[splitOfPrompt(`prompt-${i}`, 7, fractions)]++;
    // Binomial sd for 20,000 × 0.1 is 42: these bounds are about 5 sd.
    expect(counts.train).toBeGreaterThan(15_800);
    expect(counts.train).toBeLessThan(16_200);
    expect(counts.validation).toBeGreaterThan(1_790);
    expect(counts.validation).toBeLessThan(2_210);
    expect(splitOfPrompt("prompt-1", 7, fractions)).toBe(splitOfPrompt("prompt-1", 7, fractions));
    // Another seed moves prompts between splits.
    const moved = Array.from({ length: 200 }, (_, i) => `p${i}`).filter(
      (p) => splitOfPrompt(p, 1, fractions) !== splitOfPrompt(p, 2, fractions),
    );
    expect(moved.length).toBeGreaterThan(0);
  });

  it("puts everything in train at 1/0/0", () => {
    expect(splitOfPrompt("x", 0, { train: 1, validation: 0, test: 0 })).toBe("train");
  });
});

describe("pseudonym", () => {
  it("is HMAC-SHA256 of the rater id under the salt, so two salts give unlinkable ids", () => {
    // echo -n rater-1 | openssl dgst -sha256 -hmac salt-salt-salt-salt | cut -c1-16
    expect(pseudonym("rater-1", "salt-salt-salt-salt")).toBe("c4bd09e460f1daec");
    expect(pseudonym("rater-1", "salt-salt-salt-salt")).not.toBe(pseudonym("rater-1", "other-salt-other"));
  });
});
