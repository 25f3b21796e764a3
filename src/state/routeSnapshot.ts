import { parseRoute, type Route } from './route';

/**
 * A `useSyncExternalStore` snapshot for the hash route. React re-renders whenever the snapshot's
 * identity changes, so the same location must always give the very same object — including the
 * empty hash of the bare address (returning a fresh object there once re-rendered forever and left
 * the start page blank: "Maximum update depth exceeded").
 */
export function createRouteSnapshot(readHash: () => string): () => Route {
  let lastHash: string | null = null;
  let lastRoute: Route = { page: 'picker' };
  return () => {
    const hash = readHash();
    if (hash !== lastHash) {
      lastHash = hash;
      lastRoute = parseRoute(hash);
    }
    return lastRoute;
  };
}

/** What the server (or a test without a window) renders: one shared, never-changing object. */
export const PICKER_ROUTE: Route = Object.freeze({ page: 'picker' });
