/**
 * @loupe/stats — pure statistics over plain data (no I/O): Bradley–Terry ratings, cluster
 * bootstrap, net win rate, agreement, position bias and sample-size planning arrive with the
 * statistics issue. Each function carries its formula and source in its doc comment.
 */
export {};
