/** Light access to the learner's saved scenarios for the start page (no validation library loaded). */
import { openCatalog, type SavedScenario } from '../persistence';

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

/** Deletes a saved scenario; returns it so the learner can undo. */
export const removeSavedScenario = (id: string) =>
  withCatalog(async (c) => {
    const s = await c.getScenario(id);
    if (s) await c.deleteScenario(id);
    return s;
  });

export const restoreSavedScenario = (s: SavedScenario) => withCatalog((c) => c.putScenario(s));
