/**
 * The learner's own scenarios (forks and imports), kept in the catalog database as validated JSON
 * documents. Everything read back is validated again: stored data is treated like any import.
 */
import type { SavedScenario } from '../persistence';
import { checkedEntry } from '../persistence/catalog';
import { isRecordId, MAX_STEP } from '../persistence/catalogRecords';
import { DamagedRecordError, describeFailure, sentences } from '../persistence/errors';
import { isBuiltinId, loadBuiltin } from '../scenarios/content/lazy';
import type { ScenarioDef } from '../scenarios/schema';
import { freshRunId, mainRunId } from './runIds';
import { takenScenarioIds, withCatalog } from './savedList';
import { alreadyValidated, rememberValidated } from './validatedDocuments';

// The full check of a scenario document (the format's zod schema) is a chunk loaded when a document
// needs it: a saved scenario this build has validated before opens without building the schema.
const importScenarioValue = async (value: unknown) =>
  (await import('../scenarios/io/importScenario')).importScenarioValue(value);

export type LoadedScenario =
  | {
      ok: true;
      scenario: ScenarioDef;
      saved: boolean;
      /** The run the scenario plays now (a saved scenario's entry may point at a newer one: openRun.ts). */
      mainRunId: string;
    }
  | { ok: false; message: string };

/**
 * A saved or built-in scenario, validated; never throws: every failure is a sentence for the learner.
 * `early`: a saved scenario's catalog entry as read before this module loaded (earlySavedReads.ts;
 * null there: it could not be read then), checked as the catalog's own read checks it.
 */
export async function loadScenario(
  id: string,
  early: Promise<{ value: unknown } | null> | null = null,
): Promise<LoadedScenario> {
  const builtin = await loadBuiltin(id);
  if (builtin) return { ok: true, scenario: builtin, saved: false, mainRunId: mainRunId(id) };
  let saved: SavedScenario | undefined;
  try {
    const read = await early;
    saved = read ? checkedEntry('scenarios', id, read.value) : await withCatalog((c) => c.getScenario(id));
  } catch (err) {
    if (err instanceof DamagedRecordError)
      return {
        ok: false,
        message: sentences(
          `Your saved scenario “${id}” is damaged: ${err.problem}`,
          'It was not opened and is left as it is',
          'Repair or remove it under “My scenarios” on the start page',
        ),
      };
    return { ok: false, message: describeFailure(`Opening your saved scenario “${id}”`, err, null) };
  }
  if (!saved)
    return { ok: false, message: `There is no scenario called “${id}” — neither built in nor saved in this browser.` };
  const known = alreadyValidated(saved.document);
  if (known && known.id === id)
    return { ok: true, scenario: known, saved: true, mainRunId: saved.mainRunId ?? mainRunId(id) };
  const r = await importScenarioValue(saved.document);
  if (!r.ok)
    return {
      ok: false,
      message: sentences(
        `Your saved scenario “${saved.title}” no longer validates: ${r.issues
          .slice(0, 8)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
        'Remove it under “My scenarios” on the start page, or import a corrected copy',
      ),
    };
  // Its run is found by its id: a document naming another scenario would play (and write) that one's run.
  if (r.scenario.id !== id)
    return {
      ok: false,
      message: sentences(
        `Your saved scenario “${saved.title}” is damaged: its document is the scenario “${r.scenario.id}”, not “${id}”`,
        'It was not opened and is left as it is',
        'Remove it under “My scenarios” on the start page',
      ),
    };
  rememberValidated(saved.document, r.scenario);
  return { ok: true, scenario: r.scenario, saved: true, mainRunId: saved.mainRunId ?? mainRunId(id) };
}

/** `<base>-1`, `<base>-2`… (base made a valid id): the first that `taken` does not claim. */
export function freshId(base: string, taken: (id: string) => boolean): string {
  const stem =
    base
      .replace(/[^A-Za-z0-9._-]/g, '-')
      .replace(/^[^A-Za-z0-9]+/, '')
      .slice(0, 48) || 'scenario';
  for (let i = 1; ; i++) if (!taken(`${stem}-${i}`)) return `${stem}-${i}`;
}

/** A fresh id for a new saved scenario, never a built-in's or an existing one's. */
export async function freshScenarioId(base: string): Promise<string> {
  const taken = new Set(await takenScenarioIds());
  return freshId(base, (id) => taken.has(id) || isBuiltinId(id));
}

export async function saveScenario(scenario: ScenarioDef, forkedFrom: SavedScenario['forkedFrom']): Promise<void> {
  await withCatalog((c) =>
    c.putScenario({
      scenarioId: scenario.id,
      title: scenario.title,
      forkedFrom,
      document: JSON.parse(JSON.stringify(scenario)),
      updatedAt: Date.now(),
    }),
  );
}

/**
 * Saving an edited scenario restarts its main run: stored events of the old version would disagree.
 * The document and the switch to a fresh run id are ONE catalog write, so a reload at any moment
 * finds the old document with its old run or the new one with an empty run; the old run's
 * database is deleted afterwards (best effort: nothing points at it any more).
 */
export async function replaceScenario(scenario: ScenarioDef): Promise<void> {
  const oldRun = await withCatalog(async (c) => {
    const old = await c.getScenario(scenario.id);
    await c.putScenario({
      scenarioId: scenario.id,
      title: scenario.title,
      forkedFrom: old?.forkedFrom ?? null,
      document: JSON.parse(JSON.stringify(scenario)),
      updatedAt: Date.now(),
      mainRunId: freshRunId('m'),
    });
    return old?.mainRunId ?? mainRunId(scenario.id);
  });
  await withCatalog((c) => c.deleteRunDatabase(oldRun)).catch(() => undefined);
}

/** Renames a saved scenario (its document's title too); returns why not, or null when done. */
export async function renameSaved(id: string, title: string): Promise<string | null> {
  return withCatalog(async (c) => {
    const s = await c.getScenario(id);
    if (!s) return `There is no saved scenario “${id}” any more.`;
    const document = { ...(s.document as Record<string, unknown>), title };
    const r = await importScenarioValue(document);
    if (!r.ok)
      return sentences(
        `Not renamed — ${r.issues
          .slice(0, 8)
          .map((i) => `${i.path}: ${i.message}`)
          .join('; ')}`,
      );
    await c.putScenario({ ...s, title, document, updatedAt: Date.now() });
    return null;
  });
}

/**
 * Repairs a damaged saved-scenario entry from its own document, when that document is a valid
 * scenario with the entry's id: the name comes from the document, a damaged origin is dropped.
 * Returns why not, or null when repaired.
 */
export async function repairSaved(key: IDBValidKey): Promise<string | null> {
  if (typeof key !== 'string' || !isRecordId(key))
    return 'It cannot be repaired: its id is not an id. Remove it, or restore it from a backup.';
  return withCatalog(async (c) => {
    const raw = (await c.getRawScenario(key)) as Partial<SavedScenario> | undefined;
    if (raw === undefined) return null;
    const r = await importScenarioValue(raw?.document);
    if (!r.ok || r.scenario.id !== key)
      return `“${key}” cannot be repaired: its scenario document is unreadable or names another scenario. Remove it, or restore it from a backup.`;
    const from = raw.forkedFrom;
    const forkedFrom =
      from &&
      typeof from === 'object' &&
      isRecordId(from.runId) &&
      Number.isInteger(from.step) &&
      from.step >= 0 &&
      from.step <= MAX_STEP
        ? { runId: from.runId, step: from.step }
        : null;
    await c.putScenario({
      scenarioId: key,
      title: r.scenario.title,
      forkedFrom,
      document: JSON.parse(JSON.stringify(r.scenario)),
      updatedAt: Date.now(),
      ...(isRecordId(raw.mainRunId) ? { mainRunId: raw.mainRunId } : {}),
    });
    return null;
  });
}

/** Offers a text as a file download. */
export function downloadText(name: string, text: string, type = 'application/json') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
