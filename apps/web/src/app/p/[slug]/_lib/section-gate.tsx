import "server-only";
import { NeedsRole } from "@/components/needs-role";
import { openSection } from "./project";
import { sectionHref, type SectionKey } from "./sections";

/**
 * Open a section, or get the page to show instead when the viewer's role may not use it.
 * Pages do `const { denied, ... } = await gateSection(slug, "models"); if (denied) return denied;`.
 */
export async function gateSection(slug: string, key: SectionKey) {
  const opened = await openSection(slug, key);
  const denied = opened.allowed ? null : (
    <NeedsRole
      section={opened.section.label}
      role={opened.section.minRole}
      yourRole={opened.project.role}
      overviewHref={sectionHref(slug, "overview")}
    />
  );
  return { ...opened, denied };
}
