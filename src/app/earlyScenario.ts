/**
 * A scenario read while the player chunk loads (boot.ts starts it for a page opened at one): the read
 * and the chunk overlap instead of the read waiting for the player to render. Its main run is opened
 * right after it, as early (earlyRun.ts).
 */
import { isBuiltinId, loadBuiltin } from '../scenarios/content/lazy';
import { startSavedReads } from './earlySavedReads';

type LoadScenario = (typeof import('./library'))['loadScenario'];
let early: { scenarioId: string; loaded: ReturnType<LoadScenario> } | null = null;

/**
 * Starts reading `scenarioId` (and opening its run at `step`). Taken once by the scenario's route
 * (takeEarlyScenario); loadScenario words every failure, and a chunk that cannot load rejects as the
 * route's own read would.
 */
export function readScenarioEarly(scenarioId: string, step: number | null): void {
  // A saved scenario's entry and run are read now, with the browser's IndexedDB alone: their values
  // are deserialised while the code below loads (earlySavedReads.ts).
  const builtin = isBuiltinId(scenarioId);
  const reads = builtin ? null : startSavedReads(scenarioId, step);
  // A built-in's file (a chunk of its own) is asked for now too, not once the code that reads it has
  // loaded: its request no longer waits behind the player's (`npm run bench`'s short built-in).
  if (builtin) loadBuiltin(scenarioId).catch(() => undefined);
  const loaded = import('./earlyRun').then((m) => m.loadScenarioAndRun(scenarioId, step, reads));
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
