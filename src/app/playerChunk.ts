/**
 * The player chunk (PlayerRoutes and everything behind a scenario link), loaded once. boot.ts starts
 * it when the page opens on a player route, so it downloads while the app's own chunk loads; App shows
 * it as soon as it has loaded, without a Suspense boundary (lazyPart.ts says why).
 */
import { lazyPart } from './lazyPart';

export const playerPart = lazyPart(() => import('./PlayerRoutes'));

/** The player module; a failed load (offline before the first visit finished caching) is tried again next time. */
export const loadPlayer = () => playerPart.load();
