import "server-only";
import { NeedsRole } from "@/components/needs-role";
import { roleAtLeast } from "@/components/roles";
import { gateSection } from "../../_lib/section-gate";
import { sectionHref } from "../../_lib/sections";

/**
 * The Safety section opens to reviewers, but its policy editor, new-review form and reports are
 * for researchers (the same minimum as the procedures they call): the page to show instead when
 * the viewer's role is lower, or the caller and project.
 */
export async function gateSafetyResearcher(slug: string) {
  const gate = await gateSection(slug, "safety");
  if (gate.denied) return gate;
  const denied = roleAtLeast(gate.project.role, "researcher") ? null : (
    <NeedsRole
      section="Safety"
      role="researcher"
      yourRole={gate.project.role}
      overviewHref={sectionHref(slug, "overview")}
    />
  );
  return { ...gate, denied };
}
