/** Light access to the learner's saved scenarios for the start page (no validation library loaded). */
import { openCatalog, type SavedScenario } from '../persistence';
import type { CatalogStoreName, DamagedEntry } from '../persistence/catalog';

/** Opens the catalog for one piece of work and always closes it. */
export async function withCatalog<T>(f: (c: Awaited<ReturnType<typeof openCatalog>>) => Promise<T>): Promise<T> {
  const catalog = await openCatalog();
  try {
    return await f(catalog);
  } finally {
    catalog.close();
  }
}

export const listSavedScenarios = () => withCatalog((c) => c.listScenarios());

/** The start page's list: valid saved scenarios, and every damaged catalog entry (to show and remove). */
export const listStartPage = () =>
  withCatalog(async (c) => ({ scenarios: await c.listScenarios(), damaged: await c.listDamaged() }));

/** Removes a damaged catalog entry (only if it is still damaged). */
export const removeDamagedEntry = (store: CatalogStoreName, key: IDBValidKey) =>
  withCatalog((c) => c.removeDamaged(store, key));

/** Every saved scenario's id, damaged entries included: ids that are taken. */
export const takenScenarioIds = () => withCatalog((c) => c.scenarioKeys());

/**
 * Where a saved scenario's main run lives when it is not the default (see SavedScenario.mainRunId);
 * undefined for built-ins, unknown ids, or when the catalog cannot be read (the caller's own open fails then).
 */
export const mainRunPointer = (scenarioId: string): Promise<string | undefined> =>
  withCatalog((c) => c.getScenario(scenarioId)).then(
    (s) => s?.mainRunId,
    () => undefined,
  );

/** Deletes a saved scenario; returns it so the learner can undo. */
export const removeSavedScenario = (id: string) =>
  withCatalog(async (c) => {
    const s = await c.getScenario(id);
    if (s) await c.deleteScenario(id);
    return s;
  });

export const restoreSavedScenario = (s: SavedScenario) => withCatalog((c) => c.putScenario(s));

export type { DamagedEntry };
