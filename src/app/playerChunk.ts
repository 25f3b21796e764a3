/**
 * The player chunk (PlayerRoutes and everything behind a scenario link), loaded once. main.tsx starts
 * it from the module entry when the page opens on a player route, so it downloads while the entry
 * renders. App renders it without a Suspense boundary: React holds the content that replaces a shown
 * fallback back until 300 ms after the fallback appeared (its fallback throttle), which cost every
 * page opened at a scenario ~150 ms of idle time before anything of the run could be drawn.
 */
type PlayerModule = typeof import('./PlayerRoutes');

let loading: Promise<PlayerModule> | null = null;
let loaded: PlayerModule | null = null;

/** The player module; a failed load (offline before the first visit finished caching) is tried again next time. */
export function loadPlayer(): Promise<PlayerModule> {
  loading ??= import('./PlayerRoutes').then(
    (m) => (loaded = m),
    (err: unknown) => {
      loading = null;
      throw err;
    },
  );
  return loading;
}

/** The player module if it has loaded, else null. */
export const loadedPlayer = (): PlayerModule | null => loaded;
