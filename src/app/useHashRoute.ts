import { useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../state/route';

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

let lastHash = '';
let lastRoute: Route = { page: 'picker' };
const snapshot = (): Route => {
  if (window.location.hash !== lastHash || lastHash === '') {
    lastHash = window.location.hash;
    lastRoute = parseRoute(lastHash);
  }
  return lastRoute;
};

/** The current hash route; stable between renders while the hash is unchanged. */
export const useHashRoute = (): Route => useSyncExternalStore(subscribe, snapshot, () => ({ page: 'picker' }) as Route);
