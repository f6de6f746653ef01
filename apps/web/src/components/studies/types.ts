/** The studies API's shapes, inferred from the router so the UI cannot drift from it. */
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@loupe/api";

type Outputs = inferRouterOutputs<AppRouter>;
type Inputs = inferRouterInputs<AppRouter>;

export type StudyTemplate = Outputs["studies"]["templates"][number];
export type TemplateId = StudyTemplate["id"];
export type ModelRow = Outputs["models"]["list"][number];
export type PromptSetRow = Outputs["promptSets"]["list"][number];
export type StudyDetail = Outputs["studies"]["get"];
export type LaunchReport = Outputs["studies"]["launch"];
export type StudyTask = Outputs["studies"]["tasks"]["tasks"][number];
export type StudyInvite = Outputs["studies"]["invites"][number];
export type StudyMonitor = Outputs["studies"]["monitor"];
export type MonitorRater = StudyMonitor["raters"][number];

/** The config a new pairwise study is created with (the API fills the defaults). */
export type PairwiseConfigInput = Extract<Inputs["studies"]["create"]["config"], { kind: "pairwise" }>;
export type PairwiseConfig = Extract<StudyDetail["config"], { kind: "pairwise" }>;
export type AxisInput = PairwiseConfigInput["axes"][number];
export type AnswerScale = NonNullable<AxisInput["scale"]>;
export type PlanKind = NonNullable<PairwiseConfigInput["plan"]>["kind"];
export type GoldAnswer = NonNullable<Inputs["studies"]["setGold"]["answers"]>[string];
