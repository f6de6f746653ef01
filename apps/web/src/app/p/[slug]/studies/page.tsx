import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/empty-state";
import { formatDateTime } from "@/components/format";
import { PageHeader } from "@/components/page-header";
import { StatusBadge } from "@/components/status-badge";
import { buttonClass, cardClass, linkClass, tableClass, tdClass, thClass } from "@/components/styles";
import { gateSection } from "../_lib/section-gate";
import { sectionHref } from "../_lib/sections";

export const metadata: Metadata = { title: "Studies" };
export const dynamic = "force-dynamic";

export default async function StudiesPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { denied, caller, project } = await gateSection(slug, "studies");
  if (denied) return denied;
  const studies = await caller.studies.list({ projectSlug: project.slug });
  const studiesHref = sectionHref(project.slug, "studies");
  const newHref = `${studiesHref}/new`;
  return (
    <>
      <PageHeader
        title="Studies"
        description="Human evaluations: pairwise studies where raters compare two outputs for the same prompt, axis by axis, and safety reviews against a content policy."
        actions={
          <Link href={newHref} className={buttonClass}>
            New study
          </Link>
        }
      />
      {studies.length === 0 ? (
        <EmptyState title="No studies yet">
          <p>
            Studies appear here once they are created with the{" "}
            <Link href={newHref} className={linkClass}>
              pairwise-study wizard
            </Link>
            : pick the models and prompt set to compare, the axes raters judge (e.g. prompt alignment, visual
            quality), and who rates. Raters then see blinded, randomly placed pairs; their judgments feed the
            leaderboards.
          </p>
          <p>
            A study needs outputs to compare: check that every model you want to include has them in{" "}
            <Link href={sectionHref(project.slug, "outputs")} className={linkClass}>
              Outputs
            </Link>
            .
          </p>
        </EmptyState>
      ) : (
        <div className={`${cardClass} overflow-x-auto`}>
          <table className={tableClass}>
            <caption className="sr-only">Studies</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>
                  Name
                </th>
                <th scope="col" className={thClass}>
                  Kind
                </th>
                <th scope="col" className={thClass}>
                  Status
                </th>
                <th scope="col" className={thClass}>
                  Created
                </th>
              </tr>
            </thead>
            <tbody>
              {studies.map((s) => (
                <tr key={s.id}>
                  <th scope="row" className={`${tdClass} font-medium`}>
                    <Link
                      href={
                        // A safety review lives in its own section, with its report.
                        s.kind === "safety"
                          ? `${sectionHref(project.slug, "safety")}/${encodeURIComponent(s.id)}`
                          : `${studiesHref}/${encodeURIComponent(s.id)}`
                      }
                      className={linkClass}
                    >
                      {s.name}
                    </Link>
                  </th>
                  <td className={tdClass}>{s.kind}</td>
                  <td className={tdClass}>
                    <StatusBadge status={s.status} />
                  </td>
                  <td className={`${tdClass} whitespace-nowrap text-zinc-600 dark:text-zinc-400`}>
                    {formatDateTime(s.createdAt)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
