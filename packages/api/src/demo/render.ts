/**
 * The three demo "models": procedural renderers that draw a prompt's scene as an SVG and turn it
 * into a 512×512 PNG with sharp, each with deliberate, documented flaws.
 *
 * INTENDED RANKING (the known right answer for demo leaderboards): demo-sharp-v2 > demo-soft-v1 > demo-noisy-v0.
 *  - demo-sharp-v2 draws exactly what the prompt says: right objects, counts and colours, crisp.
 *  - demo-soft-v1 draws the right colours but blurred, and gets the count wrong on some prompts.
 *  - demo-noisy-v0 adds heavy grain, washes colours out, and often gets colours and counts wrong.
 * A rater (or any sound metric) preferring the sharper, more faithful image recovers this order.
 *
 * Everything is deterministic (seeded PRNG, no Math.random, no text so no font lookup): the same
 * prompt and model always give the same bytes, so re-seeding deduplicates in the media storage.
 */
import sharp from "sharp";
import { drawGlyph, drawSupport, mixHex } from "./glyphs";
import {
  DEMO_COLORS,
  type Backdrop,
  type ColorName,
  type DemoPrompt,
  type DemoScene,
  type Glyph,
  type ObjectGroup,
} from "./prompts";

export const DEMO_IMAGE_SIZE = 512;

export type DemoModelName = "demo-sharp-v2" | "demo-soft-v1" | "demo-noisy-v0";

export type DemoModel = {
  name: DemoModelName;
  description: string;
  /** Plausible generation settings to fill the Output row with (they differ per model on purpose). */
  steps: number;
  latencyMs: { mean: number; spread: number };
  /** Probability, per prompt, of drawing one object group with a wrong count / a wrong colour. */
  countErrorRate: number;
  colorErrorRate: number;
  /** Gaussian blur sigma in pixels (0: none). */
  blur: number;
  /** Grain amplitude (0: none) and saturation multiplier (1: unchanged). */
  noise: number;
  saturation: number;
};

export const DEMO_MODELS: readonly DemoModel[] = [
  {
    name: "demo-sharp-v2",
    description:
      "Demo model (procedural, not a real generator): draws exactly what the prompt asks for, with the right objects, counts and colours and crisp edges. Meant to rank first.",
    steps: 50,
    latencyMs: { mean: 2600, spread: 300 },
    countErrorRate: 0,
    colorErrorRate: 0,
    blur: 0,
    noise: 0,
    saturation: 1,
  },
  {
    name: "demo-soft-v1",
    description:
      "Demo model (procedural, not a real generator): right colours, but every image is blurred and about a third of them have the wrong number of objects. Meant to rank second.",
    steps: 30,
    latencyMs: { mean: 1400, spread: 200 },
    countErrorRate: 0.35,
    colorErrorRate: 0,
    blur: 3.5,
    noise: 0,
    saturation: 1,
  },
  {
    name: "demo-noisy-v0",
    description:
      "Demo model (procedural, not a real generator): heavy grain, washed-out colours, and the wrong colour or the wrong number of objects on most prompts. Meant to rank last.",
    steps: 12,
    latencyMs: { mean: 450, spread: 80 },
    countErrorRate: 0.5,
    colorErrorRate: 0.55,
    blur: 0.6,
    noise: 70,
    saturation: 0.45,
  },
];

// ---------------------------------------------------------------------------------------------
// Deterministic randomness
// ---------------------------------------------------------------------------------------------

export type Rng = () => number;

/** mulberry32 seeded with FNV-1a of a string: small, fast, and the same on every machine. */
export function seededRng(seed: string): Rng {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
  let state = h >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** A plausible latency for one output of this model. */
export function demoLatencyMs(model: DemoModel, prompt: DemoPrompt): number {
  const rng = seededRng(`latency:${model.name}:${prompt.externalId}`);
  return Math.round(model.latencyMs.mean + (rng() * 2 - 1) * model.latencyMs.spread);
}

// ---------------------------------------------------------------------------------------------
// What each model draws
// ---------------------------------------------------------------------------------------------

const OBJECT_COLORS: readonly ColorName[] = ["red", "blue", "green", "yellow", "orange", "purple", "pink"];

/** The scene this model actually draws for the prompt: the prompt's own scene plus the model's mistakes. */
export function demoSceneFor(prompt: DemoPrompt, model: DemoModel): DemoScene {
  const rng = seededRng(`flaws:${model.name}:${prompt.externalId}`);
  const groups: ObjectGroup[] = prompt.scene.groups.map((g) => ({ ...g }));
  // Draw both decisions every time so one model's choices don't shift with its own rates.
  const countRoll = rng();
  const colorRoll = rng();
  if (countRoll < model.countErrorRate) {
    const g = pick(rng, groups);
    g.count = g.count === 1 || rng() < 0.5 ? g.count + 1 : g.count - 1;
  }
  if (colorRoll < model.colorErrorRate) {
    const g = pick(rng, groups);
    const choices = OBJECT_COLORS.filter((c) => c !== g.color && c !== prompt.scene.backdrop.color);
    g.color = pick(rng, choices);
  }
  return { ...prompt.scene, groups };
}

// ---------------------------------------------------------------------------------------------
// Scene → SVG
// ---------------------------------------------------------------------------------------------

type Box = [x0: number, y0: number, x1: number, y1: number];
type Zone = "sky" | "ground" | "free";
/** A zone is laid out either as a grid inside a box or as a row standing on a baseline. */
type ZoneLayout = { kind: "grid"; box: Box } | { kind: "row"; x0: number; x1: number; baseline: number };

const ZONE_OF: Partial<Record<Glyph, Zone>> = {
  sun: "sky",
  moon: "sky",
  cloud: "sky",
  bird: "sky",
  hotAirBalloon: "sky",
  tree: "ground",
  house: "ground",
  car: "ground",
  sailboat: "ground",
};

const MAX_SIZE: Partial<Record<Glyph, number>> = {
  sun: 150,
  moon: 150,
  cloud: 170,
  bird: 120,
  hotAirBalloon: 230,
  tree: 220,
  sailboat: 210,
  coffee: 230,
};
const DEFAULT_MAX_SIZE = 250;

const FULL: Box = [48, 48, 464, 464];

function zoneLayouts(backdrop: Backdrop): Record<Zone, ZoneLayout> {
  const grid = (box: Box): ZoneLayout => ({ kind: "grid", box });
  const row = (baseline: number): ZoneLayout => ({ kind: "row", x0: 48, x1: 464, baseline });
  switch (backdrop.kind) {
    case "plain":
    case "water":
      return { sky: grid(FULL), ground: row(450), free: grid(FULL) };
    case "sky":
      return { sky: grid(FULL), ground: row(470), free: grid(FULL) };
    case "hills":
      return { sky: grid([60, 40, 452, 260]), ground: row(390), free: grid([60, 330, 452, 480]) };
    case "sea":
      return { sky: grid([60, 40, 452, 250]), ground: row(400), free: grid([60, 320, 452, 480]) };
    case "field":
      return { sky: grid([60, 40, 452, 240]), ground: row(430), free: grid([60, 340, 452, 480]) };
    case "road":
      return { sky: grid([60, 40, 452, 220]), ground: row(455), free: grid([60, 40, 452, 300]) };
    case "table":
      return { sky: grid([60, 40, 452, 220]), ground: row(420), free: row(420) };
  }
}

type Placed = { glyph: Glyph; color: string; x: number; y: number; size: number; rotate?: number };
type Item = { glyph: Glyph; color: string };

function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function place(items: Item[], layout: ZoneLayout, rng: Rng): Placed[] {
  const n = items.length;
  if (layout.kind === "row") {
    const slot = (layout.x1 - layout.x0) / n;
    return items.map((it, i) => {
      const size = Math.min(slot * 0.82, MAX_SIZE[it.glyph] ?? DEFAULT_MAX_SIZE);
      const x = layout.x0 + slot * (i + 0.5) + (rng() - 0.5) * (slot - size) * 0.8;
      return { ...it, x, y: layout.baseline - size / 2, size };
    });
  }
  const [x0, y0, x1, y1] = layout.box;
  const w = x1 - x0;
  const h = y1 - y0;
  const cols = Math.max(1, Math.round(Math.sqrt((n * w) / h)));
  const rows = Math.ceil(n / cols);
  const cw = w / cols;
  const ch = h / rows;
  return items.map((it, i) => {
    const r = Math.floor(i / cols);
    // Centre a short last row.
    const inRow = r === rows - 1 ? n - r * cols : cols;
    const c = i % cols;
    const size = Math.min(cw, ch) * 0.8;
    const capped = Math.min(size, MAX_SIZE[it.glyph] ?? DEFAULT_MAX_SIZE);
    const slack = Math.min(cw, ch) - capped;
    const x = x0 + (w - inRow * cw) / 2 + cw * (c + 0.5) + (rng() - 0.5) * slack * 0.8;
    const y = y0 + ch * (r + 0.5) + (rng() - 0.5) * slack * 0.8;
    return { ...it, x, y, size: capped };
  });
}

/** Stems gathered into a vase: side by side, fanned a little, bottoms hidden by the vase. */
function bouquet(items: Item[], box: Box, rng: Rng): Placed[] {
  const [x0, y0, x1, y1] = box;
  const size = Math.min(180, y1 - y0);
  // Apart enough to count the blooms, tilted outwards so every stem still ends in the vase,
  // alternate heights so neighbours don't merge.
  const spacing = size * 0.5;
  return items.map((it, i) => {
    const offset = i - (items.length - 1) / 2;
    return {
      ...it,
      x: (x0 + x1) / 2 + offset * spacing,
      y: y1 - size / 2 - (i % 2) * 45 - rng() * 15,
      size,
      rotate: offset * 25,
    };
  });
}

const SKY: Record<NonNullable<Backdrop["time"]>, [top: string, bottom: string]> = {
  day: ["#5fb0ec", "#c3e7fb"],
  night: ["#070b24", "#24305e"],
  sunset: ["#5b3a7a", "#f8b36a"],
};

function backdropSvg(b: Backdrop, rng: Rng): string {
  const c = DEMO_COLORS[b.color];
  const [top, bottom] = SKY[b.time ?? "day"];
  const sky = (to: number) =>
    `<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs>` +
    `<rect width="512" height="${to}" fill="url(#sky)"/>`;
  switch (b.kind) {
    case "plain":
      return `<rect width="512" height="512" fill="${c}"/>`;
    case "sky":
      return sky(512);
    case "hills":
      return (
        sky(512) +
        `<path d="M0,330 Q130,250 270,320 T512,300 L512,512 L0,512 Z" fill="${mixHex(c, "#000000", 0.2)}"/>` +
        `<path d="M0,380 Q160,310 330,370 T512,360 L512,512 L0,512 Z" fill="${c}"/>`
      );
    case "sea": {
      const waves = Array.from({ length: 9 }, () => {
        const y = 320 + rng() * 180;
        const x = rng() * 440;
        return `<path d="M${x.toFixed(0)},${y.toFixed(0)} q18,-8 36,0 t36,0" stroke="${mixHex(c, "#ffffff", 0.35)}" stroke-width="3" fill="none"/>`;
      }).join("");
      return sky(300) + `<rect y="300" width="512" height="212" fill="${c}"/>` + waves;
    }
    case "water": {
      const bubbles = Array.from({ length: 14 }, () => {
        const r = 3 + rng() * 9;
        return `<circle cx="${(rng() * 512).toFixed(0)}" cy="${(rng() * 512).toFixed(0)}" r="${r.toFixed(1)}" fill="none" stroke="#ffffff" stroke-opacity="0.6" stroke-width="2"/>`;
      }).join("");
      return (
        `<defs><linearGradient id="water" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${mixHex(c, "#ffffff", 0.35)}"/><stop offset="1" stop-color="${mixHex(c, "#000000", 0.3)}"/></linearGradient></defs>` +
        `<rect width="512" height="512" fill="url(#water)"/>` +
        bubbles
      );
    }
    case "field": {
      const grass = Array.from({ length: 40 }, () => {
        const x = rng() * 512;
        const y = 340 + rng() * 170;
        return `<path d="M${x.toFixed(0)},${y.toFixed(0)} l-3,-12 M${x.toFixed(0)},${y.toFixed(0)} l3,-12" stroke="${mixHex(c, "#000000", 0.3)}" stroke-width="2"/>`;
      }).join("");
      return (
        sky(330) + `<rect y="330" width="512" height="182" fill="${mixHex(c, "#ffffff", 0.15)}"/>` + grass
      );
    }
    case "road":
      return (
        sky(300) +
        `<rect y="300" width="512" height="212" fill="#5fae4f"/>` +
        `<rect y="350" width="512" height="140" fill="${mixHex(c, "#000000", 0.35)}"/>` +
        Array.from(
          { length: 6 },
          (_, i) => `<rect x="${i * 90 + 10}" y="372" width="50" height="6" fill="#f2f2f2"/>`,
        ).join("")
      );
    case "table": {
      const grain = Array.from({ length: 10 }, () => {
        const y = 280 + rng() * 225;
        return `<path d="M0,${y.toFixed(0)} Q256,${(y + (rng() - 0.5) * 20).toFixed(0)} 512,${y.toFixed(0)}" stroke="${mixHex(c, "#000000", 0.25)}" stroke-width="2" fill="none"/>`;
      }).join("");
      return (
        `<rect width="512" height="270" fill="#efe6d8"/><rect y="270" width="512" height="242" fill="${c}"/>` +
        grain
      );
    }
  }
}

/** The scene as an SVG document; `layoutSeed` fixes positions (shared by all models for a prompt). */
export function sceneSvg(scene: DemoScene, layoutSeed: string): string {
  const rng = seededRng(`layout:${layoutSeed}`);
  const parts: string[] = [backdropSvg(scene.backdrop, rng)];
  const items = (filter: (g: ObjectGroup) => boolean): Item[] =>
    scene.groups
      .filter(filter)
      .flatMap((g) =>
        Array.from({ length: g.count }, () => ({ glyph: g.glyph, color: DEMO_COLORS[g.color] })),
      );

  let placed: Placed[];
  let front = "";
  if (scene.support) {
    const support = drawSupport(scene.support.kind, DEMO_COLORS[scene.support.color]);
    if (support.inFront) front = support.svg;
    else parts.push(support.svg);
    const all = shuffle(
      rng,
      items(() => true),
    );
    placed =
      scene.support.kind === "vase"
        ? bouquet(all, support.box, rng)
        : place(all, { kind: "grid", box: support.box }, rng);
  } else {
    const layouts = zoneLayouts(scene.backdrop);
    placed = (["sky", "ground", "free"] as const).flatMap((zone) =>
      place(
        shuffle(
          rng,
          items((g) => (ZONE_OF[g.glyph] ?? "free") === zone),
        ),
        layouts[zone],
        rng,
      ),
    );
  }
  // Back to front, so lower objects overlap higher ones.
  placed.sort((a, b) => a.y + a.size / 2 - (b.y + b.size / 2));
  for (const p of placed) parts.push(drawGlyph(p.glyph, p.color, p.x, p.y, p.size, p.rotate));
  parts.push(front);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${DEMO_IMAGE_SIZE}" height="${DEMO_IMAGE_SIZE}" viewBox="0 0 512 512">${parts.join("")}</svg>`;
}

// ---------------------------------------------------------------------------------------------
// SVG → PNG, with the model's image flaws
// ---------------------------------------------------------------------------------------------

/** Grain: the same pseudo-random luminance noise (plus a little colour noise) for the same seed. */
function addGrain(pixels: Buffer, amplitude: number, rng: Rng): void {
  for (let i = 0; i < pixels.length; i += 3) {
    // Sum of three uniforms: roughly Gaussian, cheap.
    const luma = (rng() + rng() + rng() - 1.5) * amplitude;
    for (let c = 0; c < 3; c++) {
      const v = pixels[i + c]! + luma + (rng() - 0.5) * amplitude * 0.3;
      pixels[i + c] = v < 0 ? 0 : v > 255 ? 255 : v;
    }
  }
}

/** The PNG this model outputs for the prompt. */
export async function renderDemoImage(prompt: DemoPrompt, model: DemoModel): Promise<Buffer> {
  const svg = sceneSvg(demoSceneFor(prompt, model), prompt.externalId);
  let image = sharp(Buffer.from(svg)).removeAlpha();
  if (model.blur > 0) image = image.blur(model.blur);
  if (model.saturation !== 1) image = image.modulate({ saturation: model.saturation, brightness: 1.08 });
  if (model.noise === 0) return image.png().toBuffer();

  const { data, info } = await image.raw().toBuffer({ resolveWithObject: true });
  addGrain(data, model.noise, seededRng(`grain:${model.name}:${prompt.externalId}`));
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
    .png()
    .toBuffer();
}
