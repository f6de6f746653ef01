/** The safety API's shapes, inferred from the router so the pages cannot drift from it. */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@loupe/api";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;
type Safety = Outputs["safety"];

export type ReportRead = Safety["report"];
export type SafetyReport = ReportRead["report"];
export type ReportModel = SafetyReport["models"][number];
export type Rate = ReportModel["violating"];
export type Comparison = SafetyReport["comparisons"][number];
export type RepresentationAttribute = NonNullable<SafetyReport["representation"]>["attributes"][number];
export type Agreement = SafetyReport["agreement"]["verdict"];

export type MyReview = Safety["myReviews"][number];
export type Policy = Safety["policy"];
export type PolicyCategory = Policy["categories"][number];
export type SeverityLevel = Policy["severities"][number];
export type PolicyHistoryRow = Safety["policyHistory"][number];
export type PolicySaved = Safety["updatePolicy"];
export type ReviewerCandidate = Safety["reviewerCandidates"][number];
export type AuditEntry = Safety["auditTrail"]["entries"][number];

export type ModelRow = Outputs["models"]["list"][number];
export type PromptSetRow = Outputs["promptSets"]["list"][number];
export type EvaluationRunRow = Outputs["evaluations"]["list"][number];

/** The config a safety review is created with (the API fills the defaults). */
export type SafetyConfigInput = Extract<Inputs["studies"]["create"]["config"], { kind: "safety" }>;
