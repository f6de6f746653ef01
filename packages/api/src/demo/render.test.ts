import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { DEMO_PROMPTS, type DemoPrompt } from "./prompts";
import { DEMO_MODELS, demoSceneFor, renderDemoImage, seededRng, type DemoModelName } from "./render";

const model = (name: DemoModelName) => DEMO_MODELS.find((m) => m.name === name)!;
const [best, middle, worst] = [model("demo-sharp-v2"), model("demo-soft-v1"), model("demo-noisy-v0")];
const prompt = DEMO_PROMPTS.find((p) => p.text === "three red circles on a blue background")!;

/** How far a model's scenes stray from the prompts: wrong counts and wrong colours, summed over all prompts. */
function mistakes(name: DemoModelName) {
  let counts = 0;
  let colors = 0;
  for (const p of DEMO_PROMPTS) {
    const drawn = demoSceneFor(p, model(name)).groups;
    p.scene.groups.forEach((g, i) => {
      if (drawn[i]!.count !== g.count) counts++;
      if (drawn[i]!.color !== g.color) colors++;
    });
  }
  return { counts, colors };
}

describe("demo prompts", () => {
  it("are about thirty, with unique ids and texts, each tagged with a category and a challenge", () => {
    expect(DEMO_PROMPTS.length).toBeGreaterThanOrEqual(25);
    expect(new Set(DEMO_PROMPTS.map((p) => p.externalId)).size).toBe(DEMO_PROMPTS.length);
    expect(new Set(DEMO_PROMPTS.map((p) => p.text)).size).toBe(DEMO_PROMPTS.length);
    for (const p of DEMO_PROMPTS) expect(p.tags.every((t) => t.length > 0)).toBe(true);
  });
});

describe("demo models", () => {
  it("make mistakes in the intended order: sharp none, soft some counts, noisy most", () => {
    expect(mistakes("demo-sharp-v2")).toEqual({ counts: 0, colors: 0 });
    const soft = mistakes("demo-soft-v1");
    const noisy = mistakes("demo-noisy-v0");
    expect(soft.colors).toBe(0);
    expect(soft.counts).toBeGreaterThan(0);
    expect(soft.counts).toBeLessThan(DEMO_PROMPTS.length / 2);
    expect(noisy.counts + noisy.colors).toBeGreaterThan(soft.counts * 2);
    expect(noisy.colors).toBeGreaterThan(DEMO_PROMPTS.length / 3);
  });

  it("use a seeded generator that repeats exactly", () => {
    const a = seededRng("x");
    const b = seededRng("x");
    const run = (r: () => number) => Array.from({ length: 5 }, r);
    expect(run(a)).toEqual(run(b));
    expect(run(seededRng("y"))).not.toEqual(run(seededRng("x")));
  });
});

describe("renderDemoImage", () => {
  it("is deterministic: the same bytes twice", async () => {
    for (const m of DEMO_MODELS) {
      const [a, b] = await Promise.all([renderDemoImage(prompt, m), renderDemoImage(prompt, m)]);
      expect(a.equals(b)).toBe(true);
    }
  });

  it("renders a 512×512 PNG per model, and the models' images differ as intended", async () => {
    const stats = async (p: DemoPrompt, m: typeof best) => {
      const png = await renderDemoImage(p, m);
      const meta = await sharp(png).metadata();
      expect({ format: meta.format, width: meta.width, height: meta.height }).toEqual({
        format: "png",
        width: 512,
        height: 512,
      });
      return { png, stats: await sharp(png).stats() };
    };
    for (const p of DEMO_PROMPTS.slice(0, 6)) {
      const [a, b, c] = await Promise.all([stats(p, best), stats(p, middle), stats(p, worst)]);
      expect(a.png.equals(b.png) || a.png.equals(c.png) || b.png.equals(c.png)).toBe(false);
      // The blurred model loses edge sharpness (Laplacian-based estimate).
      expect(b.stats.sharpness).toBeLessThan(a.stats.sharpness * 0.7);
      // The noisy model is grainy: much more entropy than the clean drawing.
      expect(c.stats.entropy).toBeGreaterThan(a.stats.entropy + 1);
    }
  });
});
