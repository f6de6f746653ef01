"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => undefined;

/**
 * This page's origin (scheme, host, port), for links people copy elsewhere. Empty during server
 * rendering, where the browser's address is not known.
 */
export function useOrigin(): string {
  return useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
}
