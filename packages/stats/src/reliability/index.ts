/**
 * Reliability of the judgments: chance-corrected agreement (Krippendorff's alpha, Fleiss' kappa),
 * each rater's agreement with the others' majority and accuracy on gold items, and position
 * bias with its exact binomial test. Every undefined coefficient is null with a reason, never
 * NaN.
 */
export {
  OUTCOME_CATEGORIES,
  PREFERENCE_ORDER,
  toOutcomeUnits,
  type RatingUnit,
  type UndefinedReason,
} from "./units";
export {
  krippendorffAlpha,
  type KrippendorffAlpha,
  type KrippendorffOptions,
  type MeasurementLevel,
} from "./krippendorff";
export { fleissKappa, type FleissKappa } from "./fleiss";
export { agreementWithMajority, type MajorityRule, type RaterAgreement } from "./majority-agreement";
export { goldAccuracy, type RaterGoldAccuracy } from "./gold-accuracy";
export { positionBias, positionBiasByRater, type PositionBias } from "./position-bias";
export { binomialLogProbability, binomialTestTwoSided } from "./binomial-test";
export { bootstrapOverUnits } from "./unit-bootstrap";
