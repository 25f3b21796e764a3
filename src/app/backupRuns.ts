/**
 * Main runs, where the player keeps a scenario's progress (how far the learner got, their answers),
 * read and written for backups and restores: a stored run record is checked field by field before it
 * counts, and a restored run is written whole in one transaction. Shared by `backupCollect.ts` and
 * `backupRestore.ts`.
 */
import {
  openCatalog,
  openRunDb,
  runDbName,
  type Catalog,
  type ProgressRecord,
  type RunRecord,
  type SavedScenario,
} from '../persistence';
import type { DamagedEntry } from '../persistence/catalog';
import { isRecordId, MAX_STEP, STORE_WORDS } from '../persistence/catalogRecords';
import { findBuiltin } from '../scenarios/content';
import type { Backup } from '../scenarios/io/backup';
import type { ScenarioIssue } from '../scenarios/parse';
import { mainRunId } from './runIds';

/** The catalog, opened for one piece of work. */
export async function withCatalogOpen<T>(f: (c: Catalog) => Promise<T>): Promise<T> {
  const catalog = await openCatalog();
  try {
    return await f(catalog);
  } finally {
    catalog.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main runs: where the player keeps a scenario's progress
// ---------------------------------------------------------------------------------------------

export type Answer = string | string[];
export const isAnswer = (v: unknown): v is Answer =>
  typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
export const isStep = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_STEP;
export const isTime = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 8.64e15;

/**
 * A main run's record as read from its database, checked (it may be damaged): the parts a backup
 * needs, or undefined when they are unreadable. Answers that are unreadable are skipped one by one.
 */
export function readRunRecord(raw: unknown, runId: string): RunRecord | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const r = raw as Record<string, unknown>;
  if (
    r.runId !== runId ||
    typeof r.scenarioId !== 'string' ||
    !isStep(r.furthestStep) ||
    !isTime(r.updatedAt) ||
    !Array.isArray(r.inputs)
  )
    return undefined;
  const inputs = r.inputs.filter(
    (i): i is RunRecord['inputs'][number] =>
      !!i &&
      typeof i === 'object' &&
      (i as { kind?: unknown }).kind === 'answer' &&
      typeof (i as { questionId?: unknown }).questionId === 'string' &&
      isAnswer((i as { answer?: unknown }).answer) &&
      isStep((i as { atStep?: unknown }).atStep),
  );
  return {
    runId,
    scenarioId: r.scenarioId,
    parentRunId: null,
    branchedAtStep: null,
    inputs,
    cursor: isStep(r.cursor) ? r.cursor : r.furthestStep,
    furthestStep: r.furthestStep,
    createdAt: isTime(r.createdAt) ? r.createdAt : r.updatedAt,
    updatedAt: r.updatedAt,
  };
}

/** The run id a scenario's player opens: a saved scenario's pointer, else the default. */
export const currentRunId = (scenarioId: string, saved: ReadonlyMap<string, SavedScenario>) =>
  saved.get(scenarioId)?.mainRunId ?? mainRunId(scenarioId);

/** Main-run records of the given scenarios (by run id), for those that have one (no database is created). */
export async function mainRuns(runIds: ReadonlyMap<string, string>): Promise<Map<string, RunRecord>> {
  const out = new Map<string, RunRecord>();
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return out;
  const existing = new Set((await indexedDB.databases()).map((d) => d.name));
  for (const [id, runId] of runIds) {
    if (!isRecordId(runId) || !existing.has(runDbName(runId))) continue;
    const db = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
    try {
      const run = readRunRecord(await db.get('run', runId).catch(() => undefined), runId);
      if (run) out.set(id, run);
    } finally {
      db.close();
    }
  }
  return out;
}

/** Writes a main run as ONE transaction: its record, with every stored event cleared (they are recomputed when it opens). */
export async function writeFreshRun(run: RunRecord): Promise<void> {
  const db = await openRunDb(runDbName(run.runId), { onClosedElsewhere: () => undefined });
  try {
    const tx = db.transaction(['events', 'run'], 'readwrite');
    void tx.objectStore('events').clear();
    void tx.objectStore('run').clear();
    void tx.objectStore('run').put(run);
    await tx.done;
  } finally {
    db.close();
  }
}

export const answersOf = (run: RunRecord): Record<string, Answer> =>
  Object.fromEntries(run.inputs.flatMap((i) => (i.kind === 'answer' ? [[i.questionId, i.answer] as const] : [])));

export const progressOfRun = (run: RunRecord, scenarioId: string, stepCount: number): ProgressRecord => ({
  scenarioId,
  furthestStep: Math.min(run.furthestStep, stepCount),
  completed: run.furthestStep >= stepCount,
  answers: answersOf(run),
  updatedAt: run.updatedAt,
});

export const newer = <T extends { updatedAt: number }>(a: T | undefined, b: T | undefined): T | undefined =>
  !a ? b : !b ? a : b.updatedAt > a.updatedAt ? b : a;

export const stepCountOf = (document: unknown): number | undefined => {
  const steps = document && typeof document === 'object' ? (document as { steps?: unknown }).steps : undefined;
  return Array.isArray(steps) ? steps.length : undefined;
};

export const damagedNote = (d: DamagedEntry) => `a damaged ${STORE_WORDS[d.store]} “${d.label}” (${d.problem})`;

export const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

const ID_RULE = 'letters, digits, ".", "_" or "-", starting with a letter or digit';

/**
 * What the envelope's parser does not check: every id that will name a database or an address is
 * in the id alphabet, a saved scenario's id is its document's id, and no saved scenario takes a
 * built-in's id (its run would be the built-in's).
 */
export function checkIds(backup: Backup): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  backup.scenarios.forEach((s, i) => {
    if (!isRecordId(s.scenarioId))
      issues.push({ path: `scenarios[${i}].scenarioId`, message: `is not an id (${ID_RULE})` });
    else if (s.scenarioId !== s.document.id)
      issues.push({
        path: `scenarios[${i}].scenarioId`,
        message: `“${s.scenarioId}” differs from its document’s id “${s.document.id}”; they must be equal`,
      });
    else if (findBuiltin(s.scenarioId))
      issues.push({
        path: `scenarios[${i}].scenarioId`,
        message: `“${s.scenarioId}” is a built-in scenario’s id; a saved scenario never has one (import the scenario file instead: it is saved under a new id)`,
      });
    if (s.forkedFrom && !isRecordId(s.forkedFrom.runId))
      issues.push({ path: `scenarios[${i}].forkedFrom.runId`, message: `is not an id (${ID_RULE})` });
  });
  backup.progress.forEach((p, i) => {
    if (!isRecordId(p.scenarioId))
      issues.push({ path: `progress[${i}].scenarioId`, message: `is not an id (${ID_RULE})` });
  });
  return issues;
}
