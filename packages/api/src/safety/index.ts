/** Safety reviews: what scripts, the demo seed and tests use directly. */
export { DEFAULT_POLICY, policyContentSchema, type PolicyContent } from "./taxonomy-schema";
export { currentPolicy, policyVersion } from "./taxonomy";
export { createRevealToken } from "./reveal-token";
export { itemConsensus, finalDecision } from "./consensus";
