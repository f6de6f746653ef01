import type { QueryClient, QueryFilters } from "@tanstack/react-query";

/**
 * Fetches the matching queries again after a mutation, so the page shows what the mutation changed.
 *
 * `invalidateQueries` alone is not enough. TanStack Query v5 cancels an in-flight fetch only when the
 * query already has data; a query whose first fetch is still in flight keeps that fetch, and that fetch
 * may have read the database before the mutation wrote (a link created right after the page opened
 * would not appear). Cancelling first reverts such a query to pending, so the invalidation starts a
 * fresh fetch.
 */
export async function refreshQueries(queryClient: QueryClient, filters: QueryFilters): Promise<void> {
  await queryClient.cancelQueries(filters);
  await queryClient.invalidateQueries(filters);
}
