/**
 * The Elo scale the ratings are reported on: rating = (400 / ln 10)·β + 1000 for the log-strength β,
 * the scale and base of FastChat's `compute_mle_elo` (see index.ts). Shared by the fit, which
 * anchors on it, the graph analysis, whose messages name the centre, and the bootstrap.
 */
/** Elo points per natural-log unit of strength: 400 / ln 10 ≈ 173.72. */
export const ELO_PER_NAT = 400 / Math.LN10;
/** The rating of an average model (FastChat's INIT_RATING). */
export const CENTRE_RATING = 1000;
