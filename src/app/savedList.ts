/** Light access to the learner's saved scenarios for the start page (no validation library loaded). */
import { openCatalog, type ProgressRecord, type SavedScenario } from '../persistence';
import type { CatalogStoreName, DamagedEntry } from '../persistence/catalog';
import type { QuestionProgress } from '../persistence/progressRecords';

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

/** A deleted saved scenario with the progress deleted with it, kept so the learner can undo. */
export interface DeletedScenario extends SavedScenario {
  removedProgress?: { progress: ProgressRecord | null; questions: QuestionProgress[] };
}

/**
 * Deletes a saved scenario and its progress (how far you got, each answered question and its review
 * schedule) in ONE transaction: nothing of it is left to show in the review queue, and an id used again
 * later starts clean. Returns what was deleted so the learner can undo.
 */
export const removeSavedScenario = (id: string): Promise<DeletedScenario | undefined> =>
  withCatalog((c) =>
    c.updateLearnerData(async ({ scenarios, progress, questions }) => {
      const s = await scenarios.get(id);
      if (!s) return undefined;
      const mine = (await questions.getAllKeys()).filter((k) => k.startsWith(`${id}/`));
      const removed = {
        progress: (await progress.get(id)) ?? null,
        questions: (await Promise.all(mine.map((k) => questions.get(k)))).filter((q) => q !== undefined),
      };
      await scenarios.delete(id);
      await progress.delete(id);
      for (const k of mine) await questions.delete(k);
      return { ...s, removedProgress: removed };
    }),
  );

/** Undoes a delete: the scenario and the progress deleted with it, in one transaction. */
export const restoreSavedScenario = ({ removedProgress, ...s }: DeletedScenario) =>
  withCatalog((c) =>
    c.updateLearnerData(async ({ scenarios, progress, questions }) => {
      await scenarios.put(s);
      if (removedProgress?.progress) await progress.put(removedProgress.progress);
      for (const q of removedProgress?.questions ?? []) await questions.put(q);
    }),
  );

export type { DamagedEntry };
