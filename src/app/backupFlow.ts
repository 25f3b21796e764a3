/**
 * Back up everything a learner made in this browser (saved scenarios and progress) as one file,
 * and restore it. Loaded on demand, like the import flow.
 *
 * Progress is what the player keeps in each scenario's main run (how far the learner got, their
 * answers), plus the catalog's progress records. A backup is checked with the same parser a
 * restore uses before it is offered, so the app's own backup always restores.
 *
 * A restore is validated whole before anything is written (ids in the id alphabet, each saved
 * scenario's id equal to its document's, never a built-in's). Merge rule, for scenarios and
 * progress alike: an entry already here is replaced only by a strictly newer copy from the backup
 * (by `updatedAt`). Runs follow without ever being half-done:
 *  - a saved scenario whose document or progress changes gets a NEW main run (under a fresh run
 *    id, written first); its catalog entry then switches to it in the one catalog transaction that
 *    also writes the documents and progress. A failure or a reload before that commit leaves the
 *    old scenario with its old run; after it, the new one with its new run. Old runs are deleted
 *    afterwards (best effort: a leftover is never pointed at, so it is harmless);
 *  - a built-in's main run keeps its id: restored progress replaces its record and clears its
 *    stored events in ONE transaction of its database (they are recomputed when it opens).
 */
import {
  openCatalog,
  openRunDb,
  runDbName,
  type Catalog,
  type LearnerStores,
  type ProgressRecord,
  type RunRecord,
  type SavedScenario,
} from '../persistence';
import type { DamagedEntry } from '../persistence/catalog';
import { isRecordId, MAX_STEP } from '../persistence/catalogRecords';
import { describeFailure, sentences } from '../persistence/errors';
import { builtinScenarios, findBuiltin } from '../scenarios/content';
import { exportBackup, MAX_BACKUP_BYTES, parseBackup, type Backup, type BackupProgress } from '../scenarios/io/backup';
import { importScenarioValue } from '../scenarios/io/importScenario';
import type { ScenarioIssue } from '../scenarios/parse';
import { freshRunId } from './branches';
import { downloadText } from './library';
import { mainRunId } from './openRun';

export { MAX_BACKUP_BYTES };

/** The catalog, opened for one piece of work. */
async function withCatalogOpen<T>(f: (c: Catalog) => Promise<T>): Promise<T> {
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

type Answer = string | string[];
const isAnswer = (v: unknown): v is Answer =>
  typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
const isStep = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= MAX_STEP;
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 8.64e15;

/**
 * A main run's record as read from its database, checked (it may be damaged): the parts a backup
 * needs, or undefined when they are unreadable. Answers that are unreadable are skipped one by one.
 */
function readRunRecord(raw: unknown, runId: string): RunRecord | undefined {
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
const currentRunId = (scenarioId: string, saved: ReadonlyMap<string, SavedScenario>) =>
  saved.get(scenarioId)?.mainRunId ?? mainRunId(scenarioId);

/** Main-run records of the given scenarios (by run id), for those that have one (no database is created). */
async function mainRuns(runIds: ReadonlyMap<string, string>): Promise<Map<string, RunRecord>> {
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

/** Writes a main run as ONE transaction: its record, with every stored event, checkpoint and snapshot cleared (they are recomputed when it opens). */
async function writeFreshRun(run: RunRecord): Promise<void> {
  const db = await openRunDb(runDbName(run.runId), { onClosedElsewhere: () => undefined });
  try {
    const tx = db.transaction(['events', 'run', 'checkpoints', 'snapshots'], 'readwrite');
    void tx.objectStore('events').clear();
    void tx.objectStore('checkpoints').clear();
    void tx.objectStore('snapshots').clear();
    void tx.objectStore('run').clear();
    void tx.objectStore('run').put(run);
    await tx.done;
  } finally {
    db.close();
  }
}

const answersOf = (run: RunRecord): Record<string, Answer> =>
  Object.fromEntries(run.inputs.flatMap((i) => (i.kind === 'answer' ? [[i.questionId, i.answer] as const] : [])));

const progressOfRun = (run: RunRecord, scenarioId: string, stepCount: number): ProgressRecord => ({
  scenarioId,
  furthestStep: Math.min(run.furthestStep, stepCount),
  completed: run.furthestStep >= stepCount,
  answers: answersOf(run),
  updatedAt: run.updatedAt,
});

const newer = <T extends { updatedAt: number }>(a: T | undefined, b: T | undefined): T | undefined =>
  !a ? b : !b ? a : b.updatedAt > a.updatedAt ? b : a;

const stepCountOf = (document: unknown): number | undefined => {
  const steps = document && typeof document === 'object' ? (document as { steps?: unknown }).steps : undefined;
  return Array.isArray(steps) ? steps.length : undefined;
};

const damagedNote = (d: DamagedEntry) =>
  `a damaged ${d.store === 'progress' ? 'progress record' : 'saved scenario'} “${d.label}” (${d.problem})`;

// ---------------------------------------------------------------------------------------------
// Back up
// ---------------------------------------------------------------------------------------------

export interface BackupFile {
  fileName: string;
  text: string;
  scenarios: number;
  progress: number;
  /** What was left out and why (a backup must restore whole): "“title” (no longer valid)"… */
  skipped: string[];
}

const localDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The index of the entry an issue's path names (`scenarios[3].document…` → ['scenarios', 3]). */
const entryOf = (path: string): ['scenarios' | 'progress', number] | null => {
  const m = /^(scenarios|progress)\[(\d+)\]/.exec(path);
  return m ? [m[1] as 'scenarios' | 'progress', Number(m[2])] : null;
};

export async function collectBackup(now: number): Promise<BackupFile> {
  const stored = await withCatalogOpen((c) => c.readLearnerData());
  const skipped: string[] = stored.damaged.map(damagedNote);
  let scenarios = stored.scenarios.filter((s) => {
    const r = importScenarioValue(s.document);
    const ok = r.ok && r.scenario.id === s.scenarioId && !findBuiltin(s.scenarioId);
    if (!ok) skipped.push(`“${s.title}” (no longer valid)`);
    return ok;
  });
  const savedById = new Map(scenarios.map((s) => [s.scenarioId, s]));
  const stepCounts = new Map<string, number>([
    ...builtinScenarios.map((s) => [s.id, s.steps.length] as const),
    ...scenarios.map((s) => [s.scenarioId, stepCountOf(s.document) ?? 0] as const),
  ]);
  const runs = await mainRuns(new Map([...stepCounts.keys()].map((id) => [id, currentRunId(id, savedById)])));
  let progress: ProgressRecord[] = [];
  for (const [id, steps] of stepCounts) {
    const fromRun = runs.get(id);
    const here = stored.progress.find((x) => x.scenarioId === id);
    const p = newer(
      here && { ...here, furthestStep: Math.min(here.furthestStep, steps) },
      fromRun && (fromRun.furthestStep > 0 || fromRun.inputs.length > 0)
        ? progressOfRun(fromRun, id, steps)
        : undefined,
    );
    if (p) progress.push(p);
  }
  // The backup is read back with the restore's own parser: whatever it would refuse is left out
  // (and named), so the file always restores.
  for (let round = 0; ; round++) {
    const text = exportBackup({ scenarios, progress, exportedAt: now });
    const parsed = parseBackup(text);
    const issues = parsed.ok ? checkIds(parsed.backup) : parsed.issues;
    if (issues.length === 0)
      return {
        fileName: `event-lab-backup-${localDate(now)}.json`,
        text,
        scenarios: scenarios.length,
        progress: progress.length,
        skipped,
      };
    const drop = { scenarios: new Set<number>(), progress: new Set<number>() };
    for (const i of issues) {
      const at = entryOf(i.path);
      if (at) drop[at[0]].add(at[1]);
    }
    if (round > 3 || drop.scenarios.size + drop.progress.size === 0)
      throw new Error(`the backup does not read back: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    scenarios = scenarios.filter(
      (s, i) => !drop.scenarios.has(i) || (skipped.push(`“${s.title}” (it would not restore)`), false),
    );
    progress = progress.filter(
      (p, i) =>
        !drop.progress.has(i) || (skipped.push(`the progress in “${p.scenarioId}” (it would not restore)`), false),
    );
  }
}

/** Downloads the backup; returns a sentence for the learner. */
export async function downloadBackup(now: number): Promise<string> {
  const b = await collectBackup(now);
  downloadText(b.fileName, b.text);
  return sentences(
    `Backed up ${plural(b.scenarios, 'saved scenario')} and progress in ${plural(b.progress, 'scenario')} as ${b.fileName}`,
    b.skipped.length > 0 && `Left out: ${b.skipped.join('; ')}`,
  );
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

export type RestoreOutcome = { ok: true; message: string; summary: RestoreSummary } | { ok: false; message: string };

export interface RestoreSummary {
  scenarios: {
    added: string[];
    replaced: string[];
    keptNewer: string[];
    unchanged: string[];
    copied: { from: string; to: string }[];
  };
  progress: { added: string[]; replaced: string[]; keptNewer: string[] };
}

/** Same content, whatever the key order. */
const canonical = (v: unknown): string =>
  Array.isArray(v)
    ? `[${v.map(canonical).join(',')}]`
    : v && typeof v === 'object'
      ? `{${Object.keys(v)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(v);

const sameScenario = (a: SavedScenario, b: SavedScenario) =>
  a.title === b.title &&
  canonical(a.forkedFrom) === canonical(b.forkedFrom) &&
  canonical(a.document) === canonical(b.document);

const ID_RULE = 'letters, digits, ".", "_" or "-", starting with a letter or digit';

/**
 * What the envelope's parser does not check: every id that will name a database or an address is
 * in the id alphabet, a saved scenario's id is its document's id, and no saved scenario takes a
 * built-in's id (its run would be the built-in's).
 */
function checkIds(backup: Backup): ScenarioIssue[] {
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

const refusal = (issues: readonly ScenarioIssue[]) =>
  sentences(
    `Not restored — ${issues
      .slice(0, 8)
      .map((i) => `${i.path}: ${i.message}`)
      .join('; ')}${issues.length > 8 ? ` (and ${issues.length - 8} more)` : ''}`,
    'Nothing was changed',
  );

/** Another tab changed the catalog between the restore's reading and its writing. */
class ChangedMeanwhile extends Error {}

export async function restoreBackupText(text: string): Promise<RestoreOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return { ok: false, message: refusal(parsed.issues) };
  const refused = checkIds(parsed.backup);
  if (refused.length) return { ok: false, message: refusal(refused) };
  const written: string[] = [];
  try {
    const plan = await planRestore(parsed.backup);
    // New runs of saved scenarios first (nothing points at them yet)…
    const notes: string[] = [];
    for (const w of plan.savedRuns) {
      if (!w.record) continue;
      try {
        written.push(w.record.runId);
        await writeFreshRun(w.record);
      } catch (err) {
        if (w.progressOnly) {
          plan.skipProgress(w.scenarioId);
          plan.oldRuns.push(w.newRunId);
        } else w.record = null;
        notes.push(
          w.progressOnly
            ? describeFailure(`Restoring your progress in “${w.title}”`, err, 'Your own progress there is kept')
            : describeFailure(`Restoring your place in “${w.title}”`, err, 'It starts from the beginning'),
        );
      }
    }
    // …then ONE catalog transaction: documents, progress and the switch to the new runs.
    await withCatalogOpen((c) => c.updateLearnerData((stores) => plan.commit(stores)));
    written.length = 0;
    // Built-ins' runs: one transaction each.
    for (const w of plan.builtinRuns) {
      try {
        await writeFreshRun(w.record);
      } catch (err) {
        plan.summary.progress.added = plan.summary.progress.added.filter((x) => x !== w.scenarioId);
        plan.summary.progress.replaced = plan.summary.progress.replaced.filter((x) => x !== w.scenarioId);
        notes.push(describeFailure(`Restoring your progress in “${w.title}”`, err, 'Your own progress there is kept'));
      }
    }
    // Old runs nothing points at any more (best effort: a leftover is harmless).
    await Promise.all(
      plan.oldRuns.map((runId) => withCatalogOpen((c) => c.deleteRunDatabase(runId)).catch(() => undefined)),
    );
    return { ok: true, message: describeRestore(plan.summary, [...plan.notes, ...notes]), summary: plan.summary };
  } catch (err) {
    await Promise.all(
      written.map((runId) => withCatalogOpen((c) => c.deleteRunDatabase(runId)).catch(() => undefined)),
    );
    if (err instanceof ChangedMeanwhile)
      return {
        ok: false,
        message: sentences(
          'Not restored — your scenarios changed in another tab while restoring',
          'Nothing was changed',
          'Try again',
        ),
      };
    return { ok: false, message: describeFailure('Restoring the backup', err) };
  }
}

interface RunWrite {
  scenarioId: string;
  title: string;
  /** The run to write under a fresh id, or null: the pointer switches to a fresh, empty run. */
  record: RunRecord | null;
  newRunId: string;
  /** The document is unchanged: only progress moves (a failed write then changes nothing). */
  progressOnly: boolean;
}

/** Reads the catalog and the main runs, and decides everything a restore will write. */
async function planRestore(backup: Backup) {
  const stored = await withCatalogOpen((c) => c.readLearnerData());
  const savedHere = new Map(stored.scenarios.map((s) => [s.scenarioId, s]));
  const storedProgress = new Map(stored.progress.map((p) => [p.scenarioId, p]));
  const ids = new Set([...backup.progress, ...backup.scenarios].map((x) => x.scenarioId));
  const runIds = new Map([...ids].map((id) => [id, currentRunId(id, savedHere)]));
  const runs = await mainRuns(runIds);
  const s: RestoreSummary = {
    scenarios: { added: [], replaced: [], keptNewer: [], unchanged: [], copied: [] },
    progress: { added: [], replaced: [], keptNewer: [] },
  };
  const notes: string[] = [];
  const final = new Map<string, SavedScenario>(savedHere);
  const puts: SavedScenario[] = [];
  for (const b of backup.scenarios) {
    const incoming: SavedScenario = {
      scenarioId: b.scenarioId,
      title: b.title,
      forkedFrom: b.forkedFrom,
      document: JSON.parse(JSON.stringify(b.document)),
      updatedAt: b.updatedAt,
    };
    const existing = savedHere.get(b.scenarioId);
    if (!existing) {
      // Its earlier run, if any (a scenario deleted and restored), stays its run unless progress replaces it.
      puts.push(incoming);
      final.set(b.scenarioId, incoming);
      s.scenarios.added.push(b.scenarioId);
    } else if (sameScenario(existing, incoming)) s.scenarios.unchanged.push(b.scenarioId);
    else if (incoming.updatedAt > existing.updatedAt) {
      puts.push(incoming);
      final.set(b.scenarioId, incoming);
      s.scenarios.replaced.push(b.scenarioId);
    } else s.scenarios.keptNewer.push(b.scenarioId);
  }
  const progressPuts = new Map<string, BackupProgress>();
  const leftOut: string[] = [];
  for (const p of backup.progress) {
    const builtin = findBuiltin(p.scenarioId);
    const steps = builtin ? builtin.steps.length : stepCountOf(final.get(p.scenarioId)?.document);
    if (steps === undefined) {
      leftOut.push(p.scenarioId);
      continue;
    }
    const here = newer<{ updatedAt: number }>(storedProgress.get(p.scenarioId), runs.get(p.scenarioId));
    if (here && here.updatedAt >= p.updatedAt) {
      s.progress.keptNewer.push(p.scenarioId);
      continue;
    }
    progressPuts.set(p.scenarioId, {
      ...p,
      furthestStep: Math.min(p.furthestStep, steps),
      completed: p.completed && p.furthestStep >= steps,
    });
    (here ? s.progress.replaced : s.progress.added).push(p.scenarioId);
  }
  if (leftOut.length)
    notes.push(
      `Left out: progress in ${plural(leftOut.length, 'scenario')} that is neither built in nor saved here (${leftOut.join(', ')})`,
    );

  // Runs to write.
  const savedRuns: RunWrite[] = [];
  const builtinRuns: { scenarioId: string; title: string; record: RunRecord }[] = [];
  const oldRuns: string[] = [];
  const replaced = new Set(s.scenarios.replaced);
  for (const id of new Set([...replaced, ...progressPuts.keys()])) {
    const p = progressPuts.get(id);
    const builtin = findBuiltin(id);
    if (builtin) {
      builtinRuns.push({ scenarioId: id, title: builtin.title, record: seededRun(p!, mainRunId(id)) });
      continue;
    }
    const scenario = final.get(id)!;
    const newRunId = freshRunId('m');
    const kept = runs.get(id);
    const record = p
      ? seededRun(p, newRunId)
      : kept
        ? { ...kept, runId: newRunId, cursor: Math.min(kept.cursor, kept.furthestStep) }
        : null;
    savedRuns.push({ scenarioId: id, title: scenario.title, record, newRunId, progressOnly: !replaced.has(id) });
  }
  const skipped = new Set<string>();
  return {
    summary: s,
    notes,
    savedRuns,
    builtinRuns,
    oldRuns,
    skipProgress(id: string) {
      skipped.add(id);
      s.progress.added = s.progress.added.filter((x) => x !== id);
      s.progress.replaced = s.progress.replaced.filter((x) => x !== id);
    },
    /** Inside the catalog transaction: checks nothing changed since the plan, then writes. */
    async commit({ scenarios, progress }: LearnerStores): Promise<void> {
      for (const [id, before] of savedHere) {
        if (!ids.has(id)) continue;
        const now = await scenarios.get(id);
        if (!now || now.updatedAt !== before.updatedAt || now.mainRunId !== before.mainRunId)
          throw new ChangedMeanwhile();
      }
      for (const id of ids) if (!savedHere.has(id) && (await scenarios.get(id))) throw new ChangedMeanwhile();
      const switched = new Map(
        savedRuns.filter((w) => !skipped.has(w.scenarioId)).map((w) => [w.scenarioId, w.newRunId]),
      );
      for (const put of puts)
        await scenarios.put({
          ...put,
          ...(switched.has(put.scenarioId) ? { mainRunId: switched.get(put.scenarioId)! } : {}),
        });
      for (const [id, runId] of switched) {
        if (puts.some((x) => x.scenarioId === id)) continue;
        await scenarios.put({ ...final.get(id)!, mainRunId: runId });
      }
      for (const [id, p] of progressPuts)
        if (!skipped.has(id) && !findBuiltin(id)) await progress.put(structuredClone(p));
      for (const [id] of switched) oldRuns.push(runIds.get(id)!);
    },
  };
}

/** A main run record only (no events): the player recomputes and stores the events when it opens. */
const seededRun = (p: BackupProgress, runId: string): RunRecord => ({
  runId,
  scenarioId: p.scenarioId,
  parentRunId: null,
  branchedAtStep: null,
  inputs: Object.entries(p.answers).flatMap(([questionId, answer]) =>
    isAnswer(answer) ? [{ kind: 'answer' as const, atStep: 0, questionId, answer }] : [],
  ),
  cursor: p.furthestStep,
  furthestStep: p.furthestStep,
  createdAt: p.updatedAt,
  updatedAt: p.updatedAt,
});

const plural = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

export function describeRestore(s: RestoreSummary, notes: readonly string[] = []): string {
  const sc = s.scenarios;
  const restored = sc.added.length + sc.replaced.length + sc.copied.length;
  const details = [
    sc.replaced.length && `${sc.replaced.length} replaced by the backup’s newer copy`,
    sc.copied.length &&
      `${sc.copied.length} saved under a new id: ${sc.copied.map((c) => `${c.from} → ${c.to}`).join(', ')}`,
    sc.keptNewer.length && `${sc.keptNewer.length} kept as they are, yours being newer`,
    sc.unchanged.length && `${sc.unchanged.length} already here`,
  ].filter(Boolean);
  const pr = s.progress;
  const progressed = pr.added.length + pr.replaced.length;
  const pDetails = [
    pr.replaced.length && `${pr.replaced.length} replaced by newer progress`,
    pr.keptNewer.length && `${pr.keptNewer.length} kept, yours being newer`,
  ].filter(Boolean);
  const head = `Restored ${plural(restored, 'scenario')}${details.length ? ` (${details.join('; ')})` : ''} and progress in ${plural(progressed, 'scenario')}${pDetails.length ? ` (${pDetails.join('; ')})` : ''}`;
  return sentences(head, ...notes.map((n) => n.charAt(0).toUpperCase() + n.slice(1)));
}
