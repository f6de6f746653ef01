/**
 * The demo prompts, each with the scene it describes in structured form. The demo "models" draw
 * these scenes procedurally (see render.ts), so every prompt must name only things the renderer
 * can draw, and its scene must say exactly what the text says: the correct image is then known,
 * which is what makes the demo leaderboard's right answer known too.
 *
 * Tags follow PartiPrompts (Category, then Challenge), so filters behave as with a real import.
 */

export const DEMO_COLORS = {
  red: "#d62828",
  blue: "#1d4ed8",
  navy: "#1b2a5c",
  green: "#2e9e44",
  yellow: "#f5c518",
  orange: "#f77f00",
  purple: "#7b2cbf",
  pink: "#f472b6",
  white: "#f8f8f8",
  black: "#1a1a1a",
  gray: "#8d99ae",
  brown: "#8b5a2b",
} as const;

export type ColorName = keyof typeof DEMO_COLORS;

/** Things the renderer can draw (glyphs.ts). */
export type Glyph =
  | "circle"
  | "square"
  | "triangle"
  | "star"
  | "heart"
  | "fish"
  | "bird"
  | "cloud"
  | "tree"
  | "house"
  | "car"
  | "sailboat"
  | "balloon"
  | "hotAirBalloon"
  | "apple"
  | "citrus"
  | "lemon"
  | "cup"
  | "coffee"
  | "key"
  | "flower"
  | "ladybug"
  | "catFace"
  | "book"
  | "sun"
  | "moon";

/** What fills the frame behind the objects; `color` is the colour the prompt gives it. */
export type Backdrop = {
  kind: "plain" | "sky" | "hills" | "sea" | "water" | "field" | "road" | "table";
  color: ColorName;
  /** Sky mood for backdrops with a horizon. */
  time?: "day" | "night" | "sunset";
};

/** Something the objects rest on or in (drawn first, centred). */
export type Support = { kind: "plate" | "leaf" | "vase"; color: ColorName };

/** `count` objects of one kind and colour. */
export type ObjectGroup = { glyph: Glyph; color: ColorName; count: number };

export type DemoScene = { backdrop: Backdrop; support?: Support; groups: ObjectGroup[] };

export type DemoPrompt = {
  externalId: string;
  text: string;
  /** PartiPrompts Category and Challenge. */
  tags: [category: string, challenge: string];
  scene: DemoScene;
};

const plain = (color: ColorName): Backdrop => ({ kind: "plain", color });
const one = (glyph: Glyph, color: ColorName): ObjectGroup => ({ glyph, color, count: 1 });
const many = (count: number, glyph: Glyph, color: ColorName): ObjectGroup => ({ glyph, color, count });

const prompts: Omit<DemoPrompt, "externalId">[] = [
  // Abstract
  {
    text: "three red circles on a blue background",
    tags: ["Abstract", "Quantity"],
    scene: { backdrop: plain("blue"), groups: [many(3, "circle", "red")] },
  },
  {
    text: "a yellow star on a black background",
    tags: ["Abstract", "Basic"],
    scene: { backdrop: plain("black"), groups: [one("star", "yellow")] },
  },
  {
    text: "four green squares on a white background",
    tags: ["Abstract", "Quantity"],
    scene: { backdrop: plain("white"), groups: [many(4, "square", "green")] },
  },
  {
    text: "two purple triangles and one orange circle on a gray background",
    tags: ["Abstract", "Properties & Positioning"],
    scene: { backdrop: plain("gray"), groups: [many(2, "triangle", "purple"), one("circle", "orange")] },
  },
  {
    text: "five blue stars on a yellow background",
    tags: ["Abstract", "Quantity"],
    scene: { backdrop: plain("yellow"), groups: [many(5, "star", "blue")] },
  },
  {
    text: "a pink heart on a white background",
    tags: ["Abstract", "Basic"],
    scene: { backdrop: plain("white"), groups: [one("heart", "pink")] },
  },

  // Outdoor Scenes
  {
    text: "a yellow sun over green hills",
    tags: ["Outdoor Scenes", "Simple Detail"],
    scene: { backdrop: { kind: "hills", color: "green" }, groups: [one("sun", "yellow")] },
  },
  {
    text: "a white moon over a dark blue sea at night",
    tags: ["Outdoor Scenes", "Properties & Positioning"],
    scene: { backdrop: { kind: "sea", color: "navy", time: "night" }, groups: [one("moon", "white")] },
  },
  {
    text: "two green trees in a field under a blue sky",
    tags: ["Outdoor Scenes", "Quantity"],
    scene: { backdrop: { kind: "field", color: "green" }, groups: [many(2, "tree", "green")] },
  },
  {
    text: "a red house with a green tree beside it",
    tags: ["Outdoor Scenes", "Simple Detail"],
    scene: {
      backdrop: { kind: "field", color: "green" },
      groups: [one("house", "red"), one("tree", "green")],
    },
  },
  {
    text: "an orange sun setting over the sea",
    tags: ["Outdoor Scenes", "Basic"],
    scene: { backdrop: { kind: "sea", color: "blue", time: "sunset" }, groups: [one("sun", "orange")] },
  },
  {
    text: "three white clouds in a blue sky",
    tags: ["Outdoor Scenes", "Quantity"],
    scene: { backdrop: { kind: "sky", color: "blue" }, groups: [many(3, "cloud", "white")] },
  },

  // Animals
  {
    text: "an orange fish in blue water",
    tags: ["Animals", "Basic"],
    scene: { backdrop: { kind: "water", color: "blue" }, groups: [one("fish", "orange")] },
  },
  {
    text: "three yellow fish in blue water",
    tags: ["Animals", "Quantity"],
    scene: { backdrop: { kind: "water", color: "blue" }, groups: [many(3, "fish", "yellow")] },
  },
  {
    text: "a black cat's face on a white background",
    tags: ["Animals", "Simple Detail"],
    scene: { backdrop: plain("white"), groups: [one("catFace", "black")] },
  },
  {
    text: "two white birds in a blue sky",
    tags: ["Animals", "Quantity"],
    scene: { backdrop: { kind: "sky", color: "blue" }, groups: [many(2, "bird", "white")] },
  },
  {
    text: "a red ladybug on a green leaf",
    tags: ["Animals", "Simple Detail"],
    scene: {
      backdrop: plain("white"),
      support: { kind: "leaf", color: "green" },
      groups: [one("ladybug", "red")],
    },
  },

  // Vehicles
  {
    text: "a red car on a gray road",
    tags: ["Vehicles", "Basic"],
    scene: { backdrop: { kind: "road", color: "gray" }, groups: [one("car", "red")] },
  },
  {
    text: "two blue cars on a gray road",
    tags: ["Vehicles", "Quantity"],
    scene: { backdrop: { kind: "road", color: "gray" }, groups: [many(2, "car", "blue")] },
  },
  {
    text: "a white sailboat on a blue sea",
    tags: ["Vehicles", "Simple Detail"],
    scene: { backdrop: { kind: "sea", color: "blue" }, groups: [one("sailboat", "white")] },
  },
  {
    text: "a green boat and a red boat on the sea",
    tags: ["Vehicles", "Properties & Positioning"],
    scene: {
      backdrop: { kind: "sea", color: "blue" },
      groups: [one("sailboat", "green"), one("sailboat", "red")],
    },
  },
  {
    text: "a red hot air balloon in a blue sky",
    tags: ["Vehicles", "Basic"],
    scene: { backdrop: { kind: "sky", color: "blue" }, groups: [one("hotAirBalloon", "red")] },
  },

  // Food & Beverage, Produce & Plants
  {
    text: "a red apple on a white plate",
    tags: ["Food & Beverage", "Simple Detail"],
    scene: {
      backdrop: { kind: "table", color: "brown" },
      support: { kind: "plate", color: "white" },
      groups: [one("apple", "red")],
    },
  },
  {
    text: "three green apples on a wooden table",
    tags: ["Food & Beverage", "Quantity"],
    scene: { backdrop: { kind: "table", color: "brown" }, groups: [many(3, "apple", "green")] },
  },
  {
    text: "an orange on a blue plate",
    tags: ["Food & Beverage", "Properties & Positioning"],
    scene: {
      backdrop: { kind: "table", color: "brown" },
      support: { kind: "plate", color: "blue" },
      groups: [one("citrus", "orange")],
    },
  },
  {
    text: "a white cup of coffee on a wooden table",
    tags: ["Food & Beverage", "Simple Detail"],
    scene: { backdrop: { kind: "table", color: "brown" }, groups: [one("coffee", "white")] },
  },
  {
    text: "four yellow lemons on a white background",
    tags: ["Produce & Plants", "Quantity"],
    scene: { backdrop: plain("white"), groups: [many(4, "lemon", "yellow")] },
  },
  {
    text: "three purple flowers in a white vase",
    tags: ["Produce & Plants", "Quantity"],
    scene: {
      backdrop: plain("white"),
      support: { kind: "vase", color: "white" },
      groups: [many(3, "flower", "purple")],
    },
  },

  // Artifacts
  {
    text: "a blue cup on a white background",
    tags: ["Artifacts", "Basic"],
    scene: { backdrop: plain("white"), groups: [one("cup", "blue")] },
  },
  {
    text: "two red balloons on a white background",
    tags: ["Artifacts", "Quantity"],
    scene: { backdrop: plain("white"), groups: [many(2, "balloon", "red")] },
  },
  {
    text: "a yellow key on a black background",
    tags: ["Artifacts", "Simple Detail"],
    scene: { backdrop: plain("black"), groups: [one("key", "yellow")] },
  },
  {
    text: "a green book on a red background",
    tags: ["Artifacts", "Basic"],
    scene: { backdrop: plain("red"), groups: [one("book", "green")] },
  },
];

/** Stable ids: `demo-01`…, so a re-seed finds the same prompts. */
export const DEMO_PROMPTS: readonly DemoPrompt[] = prompts.map((p, i) => ({
  ...p,
  externalId: `demo-${String(i + 1).padStart(2, "0")}`,
}));
