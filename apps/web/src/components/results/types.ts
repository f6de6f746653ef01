/** The results API's shapes, inferred from the router so the pages cannot drift from it. */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@loupe/api";

type Outputs = inferRouterOutputs<AppRouter>;

export type ResultsRead = Outputs["results"]["get"];
export type Results = NonNullable<ResultsRead["results"]>;
export type AxisResults = Results["axes"][number];
export type AggregationResults = AxisResults["every"];
export type RatingsFit = AggregationResults["ratings"];
export type Rating = RatingsFit["ratings"][number];
export type PairResult = AggregationResults["pairs"][number];
export type Interval = Rating["interval"];
export type PairPlan = Outputs["results"]["plan"][number];
export type ProjectBoard = Outputs["results"]["project"];
export type ModelSpeed = ResultsRead["speed"][number];
