/**
 * A saved scenario read from the catalog while the player chunk loads (main.tsx starts it for a page
 * opened at one): the read and the chunk overlap instead of the read waiting for the player to render.
 */
type LoadScenario = (typeof import('./library'))['loadScenario'];
let early: { scenarioId: string; loaded: ReturnType<LoadScenario> } | null = null;

/**
 * Starts reading `scenarioId`. Taken once by the scenario's route (takeEarlyScenario); loadScenario
 * words every failure, and a chunk that cannot load rejects as the route's own read would.
 */
export function readScenarioEarly(scenarioId: string): void {
  const loaded = import('./library').then((m) => m.loadScenario(scenarioId));
  loaded.catch(() => undefined);
  early = { scenarioId, loaded };
}

/** The early read of `scenarioId`, once (a later visit to it reads afresh), or null. */
export function takeEarlyScenario(scenarioId: string): ReturnType<LoadScenario> | null {
  if (early?.scenarioId !== scenarioId) return null;
  const { loaded } = early;
  early = null;
  return loaded;
}
