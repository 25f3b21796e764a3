import { useSyncExternalStore } from 'react';
import type { Route } from '../state/route';
import { createRouteSnapshot, PICKER_ROUTE } from '../state/routeSnapshot';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

const snapshot = createRouteSnapshot(() => window.location.hash);
const serverSnapshot = () => PICKER_ROUTE;

/** The current hash route; the same object between renders while the hash is unchanged. */
export const useHashRoute = (): Route => useSyncExternalStore(subscribe, snapshot, serverSnapshot);
