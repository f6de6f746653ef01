/** The curation API's shapes, inferred from the router so the pages cannot drift from it. */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@loupe/api";

type Outputs = inferRouterOutputs<AppRouter>;

export type CurationRunRow = Outputs["curation"]["list"][number];
export type CurationRun = Outputs["curation"]["get"];
export type FunnelStep = CurationRun["funnel"][number];
export type StageSetting = CurationRun["stageSettings"][number];
export type CurationSummaryView = NonNullable<CurationRun["summary"]>;
export type Sample = CurationSummaryView["samples"]["kept"][number];
export type Cluster = CurationSummaryView["clusters"][number];
export type Histogram = CurationSummaryView["histograms"][number];
export type Catalogue = Outputs["curation"]["catalogue"];
export type ProjectedFunnel = Outputs["curation"]["projectFunnel"];
export type CurationAudit = Outputs["curationAudits"]["list"][number];
export type AuditGroup = CurationAudit["groups"][number];
