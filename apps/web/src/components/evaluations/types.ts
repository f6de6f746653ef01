/** The evaluations API's shapes, inferred from the router so the pages cannot drift from it. */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@loupe/api";

type Outputs = inferRouterOutputs<AppRouter>;

export type EvaluationRunRow = Outputs["evaluations"]["list"][number];
export type EvaluationRun = Outputs["evaluations"]["get"];
export type MetricSummary = NonNullable<EvaluationRun["summary"]>["metrics"][number];
export type StudyMetrics = NonNullable<Outputs["evaluations"]["forStudy"]>;
export type StudyMetric = StudyMetrics["metrics"][number];
export type MetricDefinition = Outputs["evaluations"]["metrics"][number];
