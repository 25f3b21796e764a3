/**
 * The catalog database (`event-lab-catalog`): the list of runs, saved scenarios (forks), progress per
 * scenario and, since version 2, per question (`questions`: progressRecords.ts), and since version 3 each
 * finished mock interview's scorecard (`interviews`: interviewRecords.ts).
 */
import { deleteDB, type DBSchema } from 'idb';
import { openWithMigrations } from './databases';
import { DamagedRecordError, DatabaseClosedError, translateTxError } from './errors';
import {
  CatalogRunSchema,
  isRecordId,
  keyText,
  problemOf,
  ProgressRecordSchema,
  SavedScenarioSchema,
} from './catalogRecords';
import { InterviewRecordSchema, type InterviewRecord } from './interviewRecords';
import { QuestionProgressSchema, type QuestionProgress } from './progressRecords';
import { CATALOG_DB_NAME, CATALOG_VERSION, runDbName } from './dbNames';

export interface CatalogRun {
  runId: string;
  scenarioId: string;
  parentRunId: string | null;
  branchedAtStep: number | null;
  title: string;
  updatedAt: number;
}

/** A saved (forked or imported) scenario: its versioned JSON document, kept as data. */
export interface SavedScenario {
  scenarioId: string;
  title: string;
  /** The fork's origin, when it is one. */
  forkedFrom: { runId: string; step: number } | null;
  document: unknown;
  updatedAt: number;
  /**
   * The run id of the scenario's main run when it is not the default (`main-<scenarioId>`): a
   * restore or a reset writes the new run under a fresh id and then switches this pointer, in one
   * catalog write, so a failure or a reload in between leaves the old run in use, never a mix.
   */
  mainRunId?: string;
}

export interface ProgressRecord {
  scenarioId: string;
  furthestStep: number;
  completed: boolean;
  answers: Record<string, unknown>;
  updatedAt: number;
}

export type CatalogStoreName = 'runs' | 'scenarios' | 'progress' | 'questions' | 'interviews';

/** A stored record that fails its shape: listed so the learner can see it and remove it. */
export interface DamagedEntry {
  store: CatalogStoreName;
  key: IDBValidKey;
  /** The key as readable text. */
  label: string;
  /** What is wrong, in the learner's words. */
  problem: string;
}

interface CatalogSchema extends DBSchema {
  runs: { key: string; value: CatalogRun; indexes: { byScenario: string; byUpdatedAt: number } };
  scenarios: { key: string; value: SavedScenario; indexes: { byUpdatedAt: number } };
  progress: { key: string; value: ProgressRecord };
  questions: { key: string; value: QuestionProgress; indexes: { byScenario: string } };
  interviews: { key: string; value: InterviewRecord; indexes: { byFinishedAt: number } };
}

export { CATALOG_DB_NAME, CATALOG_VERSION };

export interface Catalog {
  /** Runs, most recently updated first; only the given scenario's when `scenarioId` is set. Damaged entries are left out (see listDamaged). */
  listRuns(scenarioId?: string): Promise<CatalogRun[]>;
  /** The entry, or undefined; a damaged entry throws DamagedRecordError. */
  getRun(runId: string): Promise<CatalogRun | undefined>;
  putRun(run: CatalogRun): Promise<void>;
  /** Removes the entry and deletes the run's database. */
  deleteRun(runId: string): Promise<void>;
  /** Deletes a run's database only (a run no catalog entry points at any more). */
  deleteRunDatabase(runId: string): Promise<void>;
  /** Valid saved scenarios, newest first; damaged entries are left out (see listDamaged). */
  listScenarios(): Promise<SavedScenario[]>;
  /** Every saved scenario's key, damaged ones included (ids that are taken). */
  scenarioKeys(): Promise<string[]>;
  /** The entry, or undefined; a damaged entry throws DamagedRecordError. */
  getScenario(scenarioId: string): Promise<SavedScenario | undefined>;
  /** The stored value as it is, unchecked (to repair a damaged entry). */
  getRawScenario(scenarioId: string): Promise<unknown>;
  putScenario(scenario: SavedScenario): Promise<void>;
  deleteScenario(scenarioId: string): Promise<void>;
  getProgress(scenarioId: string): Promise<ProgressRecord | undefined>;
  putProgress(progress: ProgressRecord): Promise<void>;
  /** Valid finished mock interviews, most recently finished first; damaged entries are left out (see listDamaged). */
  listInterviews(): Promise<InterviewRecord[]>;
  /** The entry, or undefined; a damaged entry throws DamagedRecordError. */
  getInterview(id: string): Promise<InterviewRecord | undefined>;
  putInterview(record: InterviewRecord): Promise<void>;
  /** Every entry of every store that fails its shape. */
  listDamaged(): Promise<DamagedEntry[]>;
  /** Removes an entry listed by listDamaged, if it is still damaged (a branch's run database too). */
  removeDamaged(store: CatalogStoreName, key: IDBValidKey): Promise<void>;
  /** Every valid saved scenario and progress record, read in one transaction (a consistent backup), and the damaged ones. */
  readLearnerData(): Promise<{
    scenarios: SavedScenario[];
    progress: ProgressRecord[];
    questions: QuestionProgress[];
    interviews: InterviewRecord[];
    damaged: DamagedEntry[];
  }>;
  /**
   * Saved scenarios and progress changed in ONE readwrite transaction: every write of `work` lands,
   * or none (it is aborted when `work` throws). `work` must not wait on anything but these stores.
   */
  updateLearnerData<T>(work: (stores: LearnerStores) => Promise<T>): Promise<T>;
  close(): void;
}

/** A key-value view of one catalog store inside `updateLearnerData`'s transaction (damaged entries read as absent). */
export interface LearnerStore<V> {
  getAllKeys(): Promise<string[]>;
  get(key: string): Promise<V | undefined>;
  put(value: V): Promise<unknown>;
  delete(key: string): Promise<void>;
}
export interface LearnerStores {
  scenarios: LearnerStore<SavedScenario>;
  progress: LearnerStore<ProgressRecord>;
  questions: LearnerStore<QuestionProgress>;
  interviews: LearnerStore<InterviewRecord>;
}

const SCHEMAS = {
  runs: CatalogRunSchema,
  scenarios: SavedScenarioSchema,
  progress: ProgressRecordSchema,
  questions: QuestionProgressSchema,
  interviews: InterviewRecordSchema,
} as const;
type Checked<N extends CatalogStoreName> = CatalogSchema[N]['value'];

/**
 * What the store `name` holds under `key` (`raw`; undefined: nothing), checked as every catalog read
 * checks it: the entry, or undefined; a damaged entry throws DamagedRecordError. Also for a value read
 * without the catalog's own connection (persistence/earlyReads.ts).
 */
export function checkedEntry<N extends CatalogStoreName>(name: N, key: string, raw: unknown): Checked<N> | undefined {
  if (raw === undefined) return undefined;
  const r = check(name, key, raw);
  if (!r.ok) throw new DamagedRecordError(name, r.damaged.label, r.damaged.problem);
  return r.value;
}

/** A stored value checked against its store's shape. */
function check<N extends CatalogStoreName>(
  store: N,
  key: IDBValidKey,
  raw: unknown,
): { ok: true; value: Checked<N> } | { ok: false; damaged: DamagedEntry } {
  const r = SCHEMAS[store].safeParse(raw);
  if (r.success) {
    // The key is the record's own id (keyPath): a record whose id differs from its key is foreign.
    const id = (r.data as Record<string, unknown>)[KEY_PATH[store]];
    if (id === key) return { ok: true, value: r.data as Checked<N> };
  }
  return {
    ok: false,
    damaged: {
      store,
      key,
      label: keyText(key),
      problem: r.success ? 'its id does not match its key' : problemOf(r.error),
    },
  };
}
const KEY_PATH = {
  runs: 'runId',
  scenarios: 'scenarioId',
  progress: 'scenarioId',
  questions: 'id',
  interviews: 'id',
} as const;

const stringKeys = (keys: IDBValidKey[]) => keys.filter((k): k is string => typeof k === 'string');

export async function openCatalog(): Promise<Catalog> {
  let closedError: Error | null = null;
  const db = await openWithMigrations<CatalogSchema>(
    CATALOG_DB_NAME,
    CATALOG_VERSION,
    [
      (d) => {
        const runs = d.createObjectStore('runs', { keyPath: 'runId' });
        runs.createIndex('byScenario', 'scenarioId');
        runs.createIndex('byUpdatedAt', 'updatedAt');
        d.createObjectStore('scenarios', { keyPath: 'scenarioId' }).createIndex('byUpdatedAt', 'updatedAt');
        d.createObjectStore('progress', { keyPath: 'scenarioId' });
      },
      // v2: progress per question (and the review queue); what v1 stored is untouched.
      (d) => d.createObjectStore('questions', { keyPath: 'id' }).createIndex('byScenario', 'scenarioId'),
      // v3: each finished mock interview's scorecard; what v1 and v2 stored is untouched.
      (d) => d.createObjectStore('interviews', { keyPath: 'id' }).createIndex('byFinishedAt', 'finishedAt'),
    ],
    { onClosedElsewhere: (err) => (closedError ??= err) },
  );
  const open = () => {
    if (closedError) throw closedError;
    return db;
  };
  /** Runs `f`; a failed request or transaction becomes the learner's error (storage full…). */
  const guard = async <T>(f: () => Promise<T>): Promise<T> => {
    try {
      return await f();
    } catch (err) {
      throw closedError ?? translateTxError(err);
    }
  };
  const newestFirst = <T extends { updatedAt: number }>(xs: T[]) => xs.sort((a, b) => b.updatedAt - a.updatedAt);
  /** Every entry of a store, split into valid values and damaged entries. */
  const readAll = async <N extends CatalogStoreName>(
    store: { getAll(): Promise<unknown[]>; getAllKeys(): Promise<IDBValidKey[]> },
    name: N,
  ) => {
    const [values, keys] = await Promise.all([store.getAll(), store.getAllKeys()]);
    const valid: Checked<N>[] = [];
    const damaged: DamagedEntry[] = [];
    values.forEach((raw, i) => {
      const r = check(name, keys[i]!, raw);
      if (r.ok) valid.push(r.value);
      else damaged.push(r.damaged);
    });
    return { valid, damaged };
  };
  const getChecked = async <N extends CatalogStoreName>(name: N, key: string): Promise<Checked<N> | undefined> =>
    checkedEntry(name, key, await open().get(name, key));
  const put = <N extends CatalogStoreName>(name: N, value: Checked<N>) =>
    guard(async () => {
      const r = check(name, (value as unknown as Record<string, unknown>)[KEY_PATH[name]] as IDBValidKey, value);
      // Never store what would read back as damaged.
      if (!r.ok) throw new DamagedRecordError(name, r.damaged.label, r.damaged.problem);
      await open().put(name, structuredClone(value) as never);
    });
  return {
    listRuns: (scenarioId) =>
      guard(async () => {
        const tx = open().transaction('runs');
        const index = tx.store.index('byScenario');
        const rows = await readAll(
          scenarioId === undefined
            ? tx.store
            : { getAll: () => index.getAll(scenarioId), getAllKeys: () => index.getAllKeys(scenarioId) },
          'runs',
        );
        await tx.done;
        return newestFirst(rows.valid.filter((r) => scenarioId === undefined || r.scenarioId === scenarioId));
      }),
    getRun: (runId) => guard(() => getChecked('runs', runId)),
    putRun: (run) => put('runs', run),
    async deleteRun(runId) {
      await guard(() => open().delete('runs', runId));
      await deleteDB(runDbName(runId));
    },
    async deleteRunDatabase(runId) {
      if (!isRecordId(runId)) return;
      await deleteDB(runDbName(runId));
    },
    listScenarios: () =>
      guard(async () => {
        const tx = open().transaction('scenarios');
        const { valid } = await readAll(tx.store, 'scenarios');
        await tx.done;
        return newestFirst(valid);
      }),
    scenarioKeys: () => guard(async () => stringKeys(await open().getAllKeys('scenarios'))),
    getScenario: (scenarioId) => guard(() => getChecked('scenarios', scenarioId)),
    getRawScenario: (scenarioId) => guard(() => open().get('scenarios', scenarioId)),
    putScenario: (scenario) => put('scenarios', scenario),
    deleteScenario: (scenarioId) => guard(() => open().delete('scenarios', scenarioId)),
    getProgress: (scenarioId) => guard(() => getChecked('progress', scenarioId)),
    putProgress: (progress) => put('progress', progress),
    listInterviews: () =>
      guard(async () => {
        const tx = open().transaction('interviews');
        const { valid } = await readAll(tx.store, 'interviews');
        await tx.done;
        return valid.sort((a, b) => b.finishedAt - a.finishedAt);
      }),
    getInterview: (id) => guard(() => getChecked('interviews', id)),
    putInterview: (record) => put('interviews', record),
    listDamaged: () =>
      guard(async () => {
        const tx = open().transaction(['runs', 'scenarios', 'progress', 'questions', 'interviews']);
        const all = await Promise.all(
          (['scenarios', 'runs', 'progress', 'questions', 'interviews'] as const).map((n) =>
            readAll(tx.objectStore(n), n),
          ),
        );
        await tx.done;
        return all.flatMap((r) => r.damaged);
      }),
    removeDamaged: (store, key) =>
      guard(async () => {
        const tx = open().transaction(store, 'readwrite');
        const raw: unknown = await tx.store.get(key as string);
        let runDb: string | null = null;
        if (raw !== undefined && !check(store, key, raw).ok) {
          await tx.store.delete(key as string);
          const runId =
            store === 'runs' && raw && typeof raw === 'object' ? (raw as { runId?: unknown }).runId : undefined;
          if (isRecordId(runId) && runId === key) runDb = runId;
        }
        await tx.done;
        if (runDb) await deleteDB(runDbName(runDb));
      }),
    readLearnerData: () =>
      guard(async () => {
        const tx = open().transaction(['scenarios', 'progress', 'questions', 'interviews']);
        const [scenarios, progress, questions, interviews] = await Promise.all([
          readAll(tx.objectStore('scenarios'), 'scenarios'),
          readAll(tx.objectStore('progress'), 'progress'),
          readAll(tx.objectStore('questions'), 'questions'),
          readAll(tx.objectStore('interviews'), 'interviews'),
        ]);
        await tx.done;
        return {
          scenarios: scenarios.valid,
          progress: progress.valid,
          questions: questions.valid,
          interviews: interviews.valid,
          damaged: [...scenarios.damaged, ...progress.damaged, ...questions.damaged, ...interviews.damaged],
        };
      }),
    async updateLearnerData(work) {
      const tx = open().transaction(['scenarios', 'progress', 'questions', 'interviews'], 'readwrite');
      const view = <N extends Exclude<CatalogStoreName, 'runs'>>(name: N): LearnerStore<Checked<N>> => {
        const store = tx.objectStore(name);
        return {
          getAllKeys: async () => stringKeys(await store.getAllKeys()),
          get: async (key: string) => {
            const raw: unknown = await store.get(key);
            if (raw === undefined) return undefined;
            const r = check(name, key, raw);
            return r.ok ? r.value : undefined;
          },
          put: (value: Checked<N>) => {
            const r = check(name, (value as unknown as Record<string, unknown>)[KEY_PATH[name]] as IDBValidKey, value);
            if (!r.ok) return Promise.reject(new DamagedRecordError(name, r.damaged.label, r.damaged.problem));
            return store.put(value as never);
          },
          delete: (key: string) => store.delete(key),
        };
      };
      try {
        const result = await work({
          scenarios: view('scenarios'),
          progress: view('progress'),
          questions: view('questions'),
          interviews: view('interviews'),
        });
        await tx.done;
        return result;
      } catch (err) {
        // Abort explicitly: a thrown error alone would let the writes made so far commit.
        try {
          tx.abort();
        } catch {
          // Already aborted by the failed request.
        }
        await tx.done.catch(() => undefined);
        throw closedError ?? translateTxError(err, tx.error);
      }
    },
    close() {
      closedError ??= new DatabaseClosedError(CATALOG_DB_NAME);
      db.close();
    },
  };
}
