import type { Role } from "@/components/roles";

export type SectionKey =
  | "overview"
  | "studies"
  | "leaderboards"
  | "evaluations"
  | "safety"
  | "models"
  | "generation"
  | "prompt-sets"
  | "outputs"
  | "curation"
  | "datasets"
  | "jobs"
  | "settings";

export type Section = { key: SectionKey; label: string; group: string; minRole: Role };

/**
 * The project's sections and the least role that can use each (the same minimum the server's
 * procedures enforce). The navigation shows only what the viewer's role can open.
 */
export const SECTIONS: readonly Section[] = [
  { key: "overview", label: "Overview", group: "", minRole: "rater" },
  { key: "studies", label: "Studies", group: "Evaluate", minRole: "researcher" },
  { key: "leaderboards", label: "Leaderboards", group: "Evaluate", minRole: "researcher" },
  { key: "evaluations", label: "Metrics", group: "Evaluate", minRole: "researcher" },
  { key: "safety", label: "Safety", group: "Evaluate", minRole: "reviewer" },
  { key: "models", label: "Models", group: "Data", minRole: "researcher" },
  { key: "generation", label: "Generation", group: "Data", minRole: "researcher" },
  { key: "prompt-sets", label: "Prompt sets", group: "Data", minRole: "curator" },
  { key: "outputs", label: "Outputs", group: "Data", minRole: "researcher" },
  { key: "curation", label: "Curation", group: "Data", minRole: "curator" },
  { key: "datasets", label: "Datasets", group: "Data", minRole: "researcher" },
  { key: "jobs", label: "Jobs", group: "Project", minRole: "researcher" },
  { key: "settings", label: "Settings", group: "Project", minRole: "owner" },
];

export function sectionHref(slug: string, key: SectionKey): string {
  const base = `/p/${encodeURIComponent(slug)}`;
  return key === "overview" ? base : `${base}/${key}`;
}

export function section(key: SectionKey): Section {
  const s = SECTIONS.find((x) => x.key === key);
  if (!s) throw new Error(`unknown section ${key}`);
  return s;
}
