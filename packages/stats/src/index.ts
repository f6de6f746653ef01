/**
 * @loupe/stats — pure statistics over plain data (no I/O). Each function carries its formula and
 * source in its doc comment. Bradley–Terry ratings, the cluster bootstrap, net win rate,
 * agreement, position bias and sample-size planning arrive with the statistics issue.
 */
export { wilsonInterval } from "./wilson";
