/**
 * Study templates: the questions, reference media and instructions of published human
 * evaluations, as a starting point the researcher can edit in the wizard.
 *
 * - Side-by-side preference: Imagen 3 (Imagen-Team-Google, 2024, §4 "Human evaluation") asks raters
 *   for overall preference, prompt–image alignment and visual appeal, with detailed alignment and
 *   counting as separate, optional studies.
 * - Video A/B: Movie Gen (Polyak et al., 2024, §3.5 "Evaluation") rates text alignment; visual
 *   quality split into frame consistency, motion naturalness, motion completeness and artifacts;
 *   realness; and aesthetics.
 * - Personalization: DreamBooth-style evaluations (Ruiz et al., 2023) ask for subject fidelity
 *   and prompt fidelity with the subject's reference images shown.
 * - Inpainting / editing: the source image, mask and exemplar are shown (DreamInpainter).
 * - Restoration: the degraded input is shown; fidelity to it and realism (IDM face restoration).
 */
import type { AnswerScale, Axis, TemplateId } from "./config";

export type StudyTemplate = {
  id: TemplateId;
  name: string;
  description: string;
  mediaKind: "image" | "video" | "audio" | "any";
  axes: Axis[];
  /** Axes offered in the wizard but off by default. */
  optionalAxes: Axis[];
  referenceRoles: string[];
  instructions: string;
};

const axis = (
  id: string,
  label: string,
  question: string,
  opts: { scale?: AnswerScale; required?: boolean } = {},
): Axis => ({ id, label, question, scale: opts.scale ?? "ab-tie-bothbad", required: opts.required ?? true });

export const STUDY_TEMPLATES: readonly StudyTemplate[] = [
  {
    id: "side-by-side",
    name: "Side-by-side preference",
    description: "Two images for one prompt; overall preference, alignment and visual appeal (Imagen 3).",
    mediaKind: "image",
    axes: [
      axis("overall", "Overall", "Which image do you prefer overall, given the prompt?"),
      axis("alignment", "Alignment", "Which image better reflects the prompt?"),
      axis("appeal", "Visual appeal", "Which image is more visually appealing, regardless of the prompt?"),
    ],
    optionalAxes: [
      axis(
        "detailed_alignment",
        "Detailed alignment",
        "Which image gets more of the prompt's details right (objects, attributes, spatial relations)?",
        { required: false },
      ),
      axis("counting", "Counting", "Which image shows the number of objects the prompt asks for?", {
        required: false,
      }),
    ],
    referenceRoles: [],
    instructions: [
      "You will see a prompt and two images generated from it.",
      "",
      "- **Overall**: which image would you rather have, for this prompt?",
      "- **Alignment**: which image shows what the prompt describes, and nothing it contradicts?",
      "- **Visual appeal**: which image looks better, ignoring the prompt?",
      "",
      "Choose *tie* when they are equally good, *both bad* when neither is acceptable.",
    ].join("\n"),
  },
  {
    id: "video-ab",
    name: "Video A/B",
    description: "Two videos played in sync; alignment, visual quality, realness, aesthetics (Movie Gen).",
    mediaKind: "video",
    axes: [
      axis("text_alignment", "Text alignment", "Which video better follows the prompt?"),
      axis(
        "frame_consistency",
        "Frame consistency",
        "Which video keeps objects and scenes consistent over time?",
      ),
      axis(
        "motion_naturalness",
        "Motion naturalness",
        "Which video's motion looks more natural and physically plausible?",
      ),
      axis(
        "motion_completeness",
        "Motion completeness",
        "Which video shows more of the motion the prompt asks for?",
      ),
      axis(
        "artifacts",
        "Artifacts",
        "Which video has fewer visual artifacts (distortions, flicker, morphing)?",
      ),
      axis("realness", "Realness", "Which video looks more like a real video?"),
      axis("aesthetics", "Aesthetics", "Which video is more aesthetically pleasing?"),
    ],
    optionalAxes: [],
    referenceRoles: [],
    instructions: [
      "Both videos play together: use **Space** to play or pause them, **,** and **.** to step a frame.",
      "",
      "Watch both to the end before answering. *Visual quality* is split into frame consistency, motion",
      "naturalness, motion completeness and artifacts; judge each on its own.",
    ].join("\n"),
  },
  {
    id: "personalization",
    name: "Personalization",
    description: "The subject's reference images beside the pair; subject fidelity and prompt fidelity.",
    mediaKind: "image",
    axes: [
      axis(
        "subject_fidelity",
        "Subject fidelity",
        "Which image shows the same subject as the reference images?",
      ),
      axis("prompt_fidelity", "Prompt fidelity", "Which image better follows the prompt?"),
    ],
    optionalAxes: [],
    referenceRoles: ["subject"],
    instructions:
      "The reference images show one subject. Judge whether each image shows **that** subject (identity, details), and separately whether it does what the prompt says.",
  },
  {
    id: "inpainting",
    name: "Inpainting / editing",
    description: "Source image, mask and exemplar shown; which edit is better.",
    mediaKind: "image",
    axes: [
      axis("overall", "Overall", "Which edit do you prefer overall?"),
      axis("exemplar_fidelity", "Exemplar fidelity", "Which edit better matches the exemplar?", {
        required: false,
      }),
      axis(
        "harmony",
        "Harmony",
        "In which edit does the filled region blend better with the rest of the image?",
      ),
    ],
    optionalAxes: [],
    referenceRoles: ["source", "mask", "exemplar"],
    instructions:
      "The source image, the mask (the region to fill) and, when given, an exemplar are shown above the two results.",
  },
  {
    id: "restoration",
    name: "Restoration",
    description: "The degraded input shown; fidelity to it and realism.",
    mediaKind: "image",
    axes: [
      axis(
        "fidelity",
        "Fidelity",
        "Which result is more faithful to the degraded input (same person, same content)?",
      ),
      axis("realism", "Realism", "Which result looks more realistic and natural?"),
    ],
    optionalAxes: [],
    referenceRoles: ["degraded"],
    instructions: "The degraded input is shown first. Judge faithfulness to it and realism separately.",
  },
  {
    id: "custom",
    name: "Custom",
    description: "Your own questions and scales.",
    mediaKind: "any",
    axes: [axis("overall", "Overall", "Which output do you prefer?")],
    optionalAxes: [],
    referenceRoles: [],
    instructions: "",
  },
];

export function studyTemplate(id: TemplateId): StudyTemplate {
  const template = STUDY_TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`unknown study template "${id}"`);
  return template;
}
