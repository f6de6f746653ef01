/**
 * The reviewer's and the senior reviewer's view of a safety study, exactly as the `safety` router
 * returns it. Typing the pages from the router keeps them blind: what the API does not send
 * (model names, ids, asset hashes) cannot be shown.
 */
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@loupe/api";

type Outputs = inferRouterOutputs<AppRouter>["safety"];

export type ReviewSession = Outputs["session"];
export type ReviewProgress = ReviewSession["progress"];
export type NextReview = Outputs["next"];
export type ReviewItem = Extract<NextReview, { status: "item" }>["item"];
export type PreviousReview = NonNullable<ReviewItem["previous"]>;
export type MediaKind = ReviewItem["media"]["kind"];
export type RevealedMedia = Outputs["reveal"];

export type Policy = ReviewSession["policy"];
export type PolicyCategory = Policy["categories"][number];
export type SeverityLevel = Policy["severities"][number];
export type RepresentationAttribute = NonNullable<ReviewSession["representation"]>["attributes"][number];

export type EscalationQueue = Outputs["escalations"];
export type EscalatedItem = EscalationQueue["items"][number];
