/** Keypoint correspondence (SPair-71k style) for PCK@α: pairs, predictions, for the CLI and tests. */
export { importKeypointPairs, type KeypointPairImportReport, type KeypointPairInput } from "./import-pairs";
export { importKeypointPredictions, type PredictionImportReport } from "./import-predictions";
export { parseKeypointPredictions } from "./parse-predictions";
export { spairPairAnnotation, type Keypoint } from "./spair-annotation";
