/**
 * SVG drawings of the things demo prompts mention, each in a unit box centred on the origin
 * (x and y in [-0.5, 0.5], y down, the object's base at y = 0.5) so the renderer can place and
 * scale it with one transform. Simple on purpose: a viewer must see at a glance what was drawn,
 * how many, and in which colour, because that is what the demo models get right or wrong.
 */
import type { Glyph, Support } from "./prompts";

/** Hex colour arithmetic for shading: t = 0 keeps `a`, t = 1 gives `b`. */
export function mixHex(a: string, b: string, t: number): string {
  const channel = (hex: string, i: number) => parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16);
  const out = [0, 1, 2].map((i) => Math.round(channel(a, i) * (1 - t) + channel(b, i) * t));
  return `#${out.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
}

const darker = (c: string, t = 0.35) => mixHex(c, "#000000", t);
const lighter = (c: string, t = 0.35) => mixHex(c, "#ffffff", t);
/** A thin outline a shade darker, so white objects stay visible on light backgrounds. */
const outline = (c: string) => `stroke="${darker(c, 0.45)}" stroke-width="0.02"`;

function starPoints(points: number, outer: number, inner: number): string {
  return Array.from({ length: points * 2 }, (_, i) => {
    const r = i % 2 === 0 ? outer : inner;
    const a = (Math.PI * i) / points - Math.PI / 2;
    return `${(r * Math.cos(a)).toFixed(4)},${(r * Math.sin(a)).toFixed(4)}`;
  }).join(" ");
}

const DRAW: Record<Glyph, (c: string) => string> = {
  circle: (c) => `<circle r="0.45" fill="${c}" ${outline(c)}/>`,
  square: (c) => `<rect x="-0.42" y="-0.42" width="0.84" height="0.84" fill="${c}" ${outline(c)}/>`,
  triangle: (c) => `<polygon points="0,-0.45 0.48,0.4 -0.48,0.4" fill="${c}" ${outline(c)}/>`,
  star: (c) => `<polygon points="${starPoints(5, 0.5, 0.2)}" fill="${c}" ${outline(c)}/>`,
  heart: (c) =>
    `<path d="M0,0.4 C-0.6,0 -0.5,-0.5 0,-0.2 C0.5,-0.5 0.6,0 0,0.4 Z" fill="${c}" ${outline(c)}/>`,
  fish: (c) =>
    `<polygon points="0.22,0 0.5,-0.2 0.5,0.2" fill="${darker(c, 0.15)}"/>` +
    `<ellipse rx="0.34" ry="0.2" fill="${c}" ${outline(c)}/>` +
    `<circle cx="-0.19" cy="-0.05" r="0.05" fill="#ffffff"/><circle cx="-0.2" cy="-0.05" r="0.025" fill="#111111"/>`,
  bird: (c) =>
    `<path d="M-0.48,0 Q-0.24,-0.28 0,0.02 Q0.24,-0.28 0.48,0" fill="none" stroke="${c}" stroke-width="0.09" stroke-linecap="round"/>`,
  cloud: (c) =>
    `<g fill="${c}"><circle cx="-0.25" cy="0.08" r="0.2"/><circle cx="0" cy="-0.05" r="0.27"/>` +
    `<circle cx="0.26" cy="0.07" r="0.21"/><rect x="-0.25" y="0.05" width="0.5" height="0.23"/></g>`,
  tree: (c) =>
    `<rect x="-0.07" y="0.05" width="0.14" height="0.45" fill="#6b4226"/>` +
    `<circle cy="-0.15" r="0.33" fill="${c}" ${outline(c)}/>`,
  house: (c) =>
    `<rect x="-0.38" y="-0.02" width="0.76" height="0.52" fill="${c}" ${outline(c)}/>` +
    `<polygon points="-0.48,0 0,-0.42 0.48,0" fill="#4a3b35"/>` +
    `<rect x="-0.08" y="0.2" width="0.16" height="0.3" fill="#5c3b1e"/>` +
    `<rect x="-0.3" y="0.08" width="0.15" height="0.13" fill="#dff3ff"/><rect x="0.15" y="0.08" width="0.15" height="0.13" fill="#dff3ff"/>`,
  car: (c) =>
    `<path d="M-0.3,0.12 L-0.2,-0.12 L0.22,-0.12 L0.32,0.12 Z" fill="${c}" ${outline(c)}/>` +
    `<path d="M-0.17,0.1 L-0.11,-0.06 L0.0,-0.06 L0.0,0.1 Z M0.04,0.1 L0.04,-0.06 L0.17,-0.06 L0.23,0.1 Z" fill="#cfeaff"/>` +
    `<rect x="-0.5" y="0.1" width="1" height="0.24" rx="0.06" fill="${c}" ${outline(c)}/>` +
    `<circle cx="-0.27" cy="0.36" r="0.12" fill="#1b1b1b"/><circle cx="0.27" cy="0.36" r="0.12" fill="#1b1b1b"/>` +
    `<circle cx="-0.27" cy="0.36" r="0.05" fill="#bbbbbb"/><circle cx="0.27" cy="0.36" r="0.05" fill="#bbbbbb"/>`,
  sailboat: (c) =>
    `<rect x="-0.015" y="-0.48" width="0.03" height="0.7" fill="#5c3b1e"/>` +
    `<polygon points="0.03,-0.45 0.03,0.18 0.38,0.18" fill="#fdfdfd" stroke="#9aa5b1" stroke-width="0.015"/>` +
    `<polygon points="-0.03,-0.3 -0.03,0.18 -0.3,0.18" fill="#fdfdfd" stroke="#9aa5b1" stroke-width="0.015"/>` +
    `<path d="M-0.48,0.24 L0.48,0.24 L0.34,0.48 L-0.34,0.48 Z" fill="${c}" ${outline(c)}/>`,
  balloon: (c) =>
    `<path d="M0,0.27 Q0.08,0.35 0,0.42 Q-0.08,0.47 0,0.5" fill="none" stroke="#666666" stroke-width="0.015"/>` +
    `<polygon points="0,0.22 0.04,0.29 -0.04,0.29" fill="${darker(c)}"/>` +
    `<ellipse cy="-0.12" rx="0.28" ry="0.35" fill="${c}" ${outline(c)}/>` +
    `<ellipse cx="-0.1" cy="-0.25" rx="0.05" ry="0.09" fill="${lighter(c, 0.6)}"/>`,
  hotAirBalloon: (c) =>
    `<path d="M-0.3,-0.05 L-0.09,0.33 M0.3,-0.05 L0.09,0.33" stroke="#5c3b1e" stroke-width="0.015"/>` +
    `<rect x="-0.1" y="0.32" width="0.2" height="0.16" fill="#8b5a2b"/>` +
    `<circle cy="-0.17" r="0.33" fill="${c}" ${outline(c)}/>` +
    `<ellipse cy="-0.17" rx="0.12" ry="0.33" fill="${lighter(c, 0.45)}"/>` +
    `<ellipse cy="-0.17" rx="0.04" ry="0.33" fill="${c}"/>`,
  apple: (c) =>
    `<path d="M0,-0.3 Q0.02,-0.42 0.06,-0.48" stroke="#5c3b1e" stroke-width="0.04" fill="none"/>` +
    `<ellipse cx="0.14" cy="-0.4" rx="0.1" ry="0.045" transform="rotate(-25 0.14 -0.4)" fill="#3a8f3a"/>` +
    `<path d="M0,-0.26 C0.3,-0.42 0.52,-0.1 0.38,0.2 C0.28,0.45 0.1,0.48 0,0.42 C-0.1,0.48 -0.28,0.45 -0.38,0.2 C-0.52,-0.1 -0.3,-0.42 0,-0.26 Z" fill="${c}" ${outline(c)}/>` +
    `<ellipse cx="-0.18" cy="-0.08" rx="0.06" ry="0.1" fill="${lighter(c, 0.5)}"/>`,
  citrus: (c) =>
    `<circle cy="0.04" r="0.44" fill="${c}" ${outline(c)}/>` +
    `<ellipse cx="0.1" cy="-0.43" rx="0.12" ry="0.05" transform="rotate(-20 0.1 -0.43)" fill="#3a8f3a"/>` +
    `<circle cx="-0.14" cy="-0.1" r="0.07" fill="${lighter(c, 0.4)}"/>`,
  lemon: (c) =>
    `<ellipse rx="0.44" ry="0.28" fill="${c}" ${outline(c)}/>` +
    `<ellipse cx="0.44" rx="0.07" ry="0.05" fill="${c}"/><ellipse cx="-0.44" rx="0.07" ry="0.05" fill="${c}"/>` +
    `<ellipse cx="-0.12" cy="-0.1" rx="0.12" ry="0.05" fill="${lighter(c, 0.5)}"/>`,
  cup: (c) =>
    `<path d="M0.25,-0.2 C0.55,-0.2 0.55,0.22 0.22,0.22" fill="none" stroke="${c}" stroke-width="0.08"/>` +
    `<path d="M-0.36,-0.34 L0.3,-0.34 L0.24,0.42 L-0.3,0.42 Z" fill="${c}" ${outline(c)}/>`,
  coffee: (c) =>
    `<ellipse cy="0.42" rx="0.5" ry="0.08" fill="${darker(c, 0.12)}" ${outline(c)}/>` +
    `<path d="M0.25,-0.1 C0.52,-0.1 0.52,0.26 0.2,0.26" fill="none" stroke="${c}" stroke-width="0.07"/>` +
    `<path d="M-0.34,-0.2 L0.3,-0.2 L0.22,0.4 L-0.26,0.4 Z" fill="${c}" ${outline(c)}/>` +
    `<ellipse cx="-0.02" cy="-0.2" rx="0.32" ry="0.07" fill="#4b2c16"/>` +
    `<path d="M-0.1,-0.3 Q-0.16,-0.38 -0.1,-0.46 M0.06,-0.3 Q0.0,-0.38 0.06,-0.46" fill="none" stroke="#bbbbbb" stroke-width="0.02"/>`,
  key: (c) =>
    `<circle cx="-0.28" r="0.17" fill="none" stroke="${c}" stroke-width="0.09"/>` +
    `<rect x="-0.13" y="-0.045" width="0.6" height="0.09" fill="${c}"/>` +
    `<rect x="0.27" y="0.04" width="0.06" height="0.13" fill="${c}"/><rect x="0.39" y="0.04" width="0.06" height="0.1" fill="${c}"/>`,
  flower: (c) =>
    `<path d="M0,-0.12 Q0.05,0.2 0,0.5" stroke="#2e7d32" stroke-width="0.04" fill="none"/>` +
    `<ellipse cx="0.1" cy="0.18" rx="0.1" ry="0.04" transform="rotate(-30 0.1 0.18)" fill="#2e7d32"/>` +
    Array.from({ length: 6 }, (_, i) => {
      const a = (Math.PI * 2 * i) / 6;
      return `<circle cx="${(0.17 * Math.cos(a)).toFixed(3)}" cy="${(-0.22 + 0.17 * Math.sin(a)).toFixed(3)}" r="0.12" fill="${c}" ${outline(c)}/>`;
    }).join("") +
    `<circle cy="-0.22" r="0.09" fill="${c === "#f5c518" ? "#f77f00" : "#f5c518"}"/>`,
  ladybug: (c) =>
    `<circle cy="-0.3" r="0.14" fill="#111111"/>` +
    `<circle cy="0.05" r="0.36" fill="${c}" ${outline(c)}/>` +
    `<line x1="0" y1="-0.3" x2="0" y2="0.41" stroke="#111111" stroke-width="0.025"/>` +
    [
      [-0.16, -0.08],
      [0.16, -0.08],
      [-0.2, 0.15],
      [0.2, 0.15],
      [-0.08, 0.3],
      [0.08, 0.3],
    ]
      .map(([x, y]) => `<circle cx="${x}" cy="${y}" r="0.06" fill="#111111"/>`)
      .join(""),
  catFace: (c) => {
    const eye = c === "#1a1a1a" ? "#9bd14a" : "#1a1a1a";
    return (
      `<polygon points="-0.38,-0.1 -0.32,-0.48 -0.08,-0.3" fill="${c}" ${outline(c)}/>` +
      `<polygon points="0.38,-0.1 0.32,-0.48 0.08,-0.3" fill="${c}" ${outline(c)}/>` +
      `<ellipse cy="0.05" rx="0.42" ry="0.37" fill="${c}" ${outline(c)}/>` +
      `<ellipse cx="-0.15" cy="-0.02" rx="0.07" ry="0.09" fill="${eye}"/><ellipse cx="0.15" cy="-0.02" rx="0.07" ry="0.09" fill="${eye}"/>` +
      `<polygon points="-0.05,0.12 0.05,0.12 0,0.18" fill="#f28bb0"/>` +
      `<path d="M-0.08,0.18 L-0.45,0.12 M-0.08,0.2 L-0.45,0.24 M0.08,0.18 L0.45,0.12 M0.08,0.2 L0.45,0.24" stroke="#9a9a9a" stroke-width="0.012"/>`
    );
  },
  book: (c) =>
    `<rect x="-0.32" y="-0.44" width="0.66" height="0.88" rx="0.03" fill="#f4f1e8" stroke="#999999" stroke-width="0.01"/>` +
    `<rect x="-0.36" y="-0.46" width="0.64" height="0.88" rx="0.03" fill="${c}" ${outline(c)}/>` +
    `<rect x="-0.36" y="-0.46" width="0.1" height="0.88" fill="${darker(c, 0.25)}"/>` +
    `<rect x="-0.15" y="-0.3" width="0.36" height="0.12" fill="${lighter(c, 0.5)}"/>`,
  sun: (c) =>
    `<g stroke="${c}" stroke-width="0.05" stroke-linecap="round">` +
    Array.from({ length: 12 }, (_, i) => {
      const a = (Math.PI * 2 * i) / 12;
      const [x1, y1, x2, y2] = [
        0.36 * Math.cos(a),
        0.36 * Math.sin(a),
        0.5 * Math.cos(a),
        0.5 * Math.sin(a),
      ].map((v) => v.toFixed(3));
      return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"/>`;
    }).join("") +
    `</g><circle r="0.3" fill="${c}"/>`,
  moon: (c) =>
    `<circle r="0.42" fill="${c}"/>` +
    `<circle cx="-0.12" cy="-0.1" r="0.08" fill="${darker(c, 0.12)}"/><circle cx="0.14" cy="0.08" r="0.11" fill="${darker(c, 0.12)}"/>` +
    `<circle cx="-0.05" cy="0.22" r="0.05" fill="${darker(c, 0.12)}"/>`,
};

/** The glyph centred at (x, y), `size` pixels across, turned `rotate` degrees clockwise. */
export function drawGlyph(
  glyph: Glyph,
  color: string,
  x: number,
  y: number,
  size: number,
  rotate = 0,
): string {
  const turn = rotate ? ` rotate(${rotate.toFixed(1)})` : "";
  return `<g transform="translate(${x.toFixed(1)} ${y.toFixed(1)})${turn} scale(${size.toFixed(1)})">${DRAW[glyph](color)}</g>`;
}

/**
 * A support's drawing, the box its objects are laid out in (512×512 canvas), and whether it is
 * drawn over them (a vase hides the ends of the stems it holds).
 */
export function drawSupport(
  support: Support["kind"],
  color: string,
): { svg: string; box: [x0: number, y0: number, x1: number, y1: number]; inFront: boolean } {
  switch (support) {
    case "plate":
      return {
        svg:
          `<ellipse cx="256" cy="360" rx="200" ry="80" fill="${darker(color, 0.1)}" stroke="${darker(color, 0.4)}" stroke-width="2"/>` +
          `<ellipse cx="256" cy="356" rx="140" ry="52" fill="${color}"/>`,
        box: [146, 200, 366, 380],
        inFront: false,
      };
    case "leaf":
      return {
        svg:
          `<ellipse cx="256" cy="270" rx="220" ry="120" transform="rotate(-20 256 270)" fill="${color}" stroke="${darker(color)}" stroke-width="3"/>` +
          `<path d="M60,340 Q256,280 460,190" stroke="${darker(color)}" stroke-width="5" fill="none"/>`,
        box: [166, 170, 346, 350],
        inFront: false,
      };
    case "vase":
      return {
        svg: `<path d="M200,330 L312,330 Q350,400 320,490 L192,490 Q162,400 200,330 Z" fill="${color}" stroke="${darker(color, 0.4)}" stroke-width="3"/>`,
        box: [120, 60, 392, 400],
        inFront: true,
      };
  }
}
