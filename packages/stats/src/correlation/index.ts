export { averageRanks } from "./average-ranks";
export { kendallTauB } from "./kendall";
export { spearman } from "./spearman";
