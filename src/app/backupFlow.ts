/**
 * Back up everything a learner made in this browser (saved scenarios and progress) as one file,
 * and restore it. Loaded on demand, like the import flow.
 *
 * Progress is what the player keeps in each scenario's main run (how far the learner got, their
 * answers), plus the catalog's progress records. A restore is validated whole before anything is
 * written; its catalog part (scenarios and progress) is ONE IndexedDB transaction, so a refused or
 * failed restore leaves the catalog as it was. Merge rule, for scenarios and progress alike: an
 * entry already here is replaced only by a strictly newer copy from the backup (by `updatedAt`).
 * Afterwards each scenario's main run follows: a replaced scenario restarts its run (its stored
 * events belong to the old version), and restored progress is written into the main run so the
 * player resumes there (its events are recomputed from the scenario when it opens).
 */
import { openCatalog, type Catalog, type LearnerStores, openRunDatabase, openRunDb, runDbName, type ProgressRecord, type RunRecord, type SavedScenario } from '../persistence';
import { builtinScenarios, findBuiltin } from '../scenarios/content';
import { exportBackup, MAX_BACKUP_BYTES, parseBackup, type Backup, type BackupProgress } from '../scenarios/io/backup';
import { importScenarioValue } from '../scenarios/io/importScenario';
import { downloadText, freshId } from './library';
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
const isAnswer = (v: unknown): v is Answer => typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** Main-run records of the given scenarios, for those that have one (no database is created). */
async function mainRuns(scenarioIds: readonly string[]): Promise<Map<string, RunRecord>> {
  const out = new Map<string, RunRecord>();
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return out;
  const existing = new Set((await indexedDB.databases()).map((d) => d.name));
  for (const id of scenarioIds) {
    const runId = mainRunId(id);
    if (!existing.has(runDbName(runId))) continue;
    const db = await openRunDb(runDbName(runId), { onClosedElsewhere: () => undefined });
    try {
      const run = await db.get('run', runId);
      if (run) out.set(id, run);
    } finally {
      db.close();
    }
  }
  return out;
}

const progressOfRun = (run: RunRecord, stepCount: number): ProgressRecord => ({
  scenarioId: run.scenarioId,
  furthestStep: run.furthestStep,
  completed: run.furthestStep >= stepCount,
  answers: Object.fromEntries(run.inputs.flatMap((i) => (i.kind === 'answer' ? [[i.questionId, i.answer] as const] : []))),
  updatedAt: run.updatedAt,
});

const newer = <T extends { updatedAt: number }>(a: T | undefined, b: T | undefined): T | undefined => (!a ? b : !b ? a : b.updatedAt > a.updatedAt ? b : a);

// ---------------------------------------------------------------------------------------------
// Back up
// ---------------------------------------------------------------------------------------------

export interface BackupFile {
  fileName: string;
  text: string;
  scenarios: number;
  progress: number;
  /** Saved scenarios left out because they no longer validate (a backup must restore whole). */
  skipped: string[];
}

const localDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export async function collectBackup(now: number): Promise<BackupFile> {
  const stored = await withCatalogOpen((c) => c.readLearnerData());
  const skipped: string[] = [];
  const scenarios = stored.scenarios.filter((s) => {
    const ok = importScenarioValue(s.document).ok;
    if (!ok) skipped.push(s.title);
    return ok;
  });
  const stepCounts = new Map<string, number>([...builtinScenarios.map((s) => [s.id, s.steps.length] as const), ...scenarios.map((s) => [s.scenarioId, (s.document as { steps: unknown[] }).steps.length] as const)]);
  const runs = await mainRuns([...stepCounts.keys()]);
  const progress: ProgressRecord[] = [];
  for (const [id, steps] of stepCounts) {
    const fromRun = runs.get(id);
    const p = newer(
      stored.progress.find((x) => x.scenarioId === id),
      fromRun && (fromRun.furthestStep > 0 || fromRun.inputs.length > 0) ? progressOfRun(fromRun, steps) : undefined,
    );
    if (p) progress.push(p);
  }
  return { fileName: `event-lab-backup-${localDate(now)}.json`, text: exportBackup({ scenarios, progress, exportedAt: now }), scenarios: scenarios.length, progress: progress.length, skipped };
}

/** Downloads the backup; returns a sentence for the learner. */
export async function downloadBackup(now: number): Promise<string> {
  const b = await collectBackup(now);
  downloadText(b.fileName, b.text);
  const left = b.skipped.length ? ` Left out (no longer valid): ${b.skipped.map((t) => `“${t}”`).join(', ')}.` : '';
  return `Backed up ${plural(b.scenarios, 'saved scenario')} and progress in ${plural(b.progress, 'scenario')} as ${b.fileName}.${left}`;
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

export type RestoreOutcome = { ok: true; message: string; summary: RestoreSummary } | { ok: false; message: string };

export interface RestoreSummary {
  scenarios: { added: string[]; replaced: string[]; keptNewer: string[]; unchanged: string[]; copied: { from: string; to: string }[] };
  progress: { added: string[]; replaced: string[]; keptNewer: string[] };
}

/** Same content, whatever the key order. */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]` : v && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}` : JSON.stringify(v);

const sameScenario = (a: SavedScenario, b: SavedScenario) => a.title === b.title && canonical(a.forkedFrom) === canonical(b.forkedFrom) && canonical(a.document) === canonical(b.document);

export async function restoreBackupText(text: string): Promise<RestoreOutcome> {
  const parsed = parseBackup(text);
  if (!parsed.ok) {
    const shown = parsed.issues.slice(0, 8).map((i) => `${i.path}: ${i.message}`).join('; ');
    return { ok: false, message: `Not restored — ${shown}${parsed.issues.length > 8 ? ` (and ${parsed.issues.length - 8} more)` : ''}. Nothing was changed.` };
  }
  const backup = parsed.backup;
  // Progress already here may live in a main run: read those first (a transaction must not wait on other databases).
  const runs = await mainRuns([...new Set([...backup.progress, ...backup.scenarios].map((x) => x.scenarioId))]);
  const summary = await mergeIntoCatalog(backup, runs);
  const notes = await followMainRuns(backup, summary, runs);
  return { ok: true, message: describeRestore(summary, notes), summary };
}

/** The catalog part of a restore: one readwrite transaction; decisions read inside it. */
function mergeIntoCatalog(backup: Backup, runs: Map<string, RunRecord>): Promise<RestoreSummary> {
  return withCatalogOpen((c) => c.updateLearnerData(({ scenarios, progress }) => merge(backup, runs, scenarios, progress)));
}

async function merge(backup: Backup, runs: Map<string, RunRecord>, scenarios: LearnerStores['scenarios'], progress: LearnerStores['progress']): Promise<RestoreSummary> {
  const s: RestoreSummary = { scenarios: { added: [], replaced: [], keptNewer: [], unchanged: [], copied: [] }, progress: { added: [], replaced: [], keptNewer: [] } };
  const taken = new Set(await scenarios.getAllKeys());
  for (const b of backup.scenarios) taken.add(b.scenarioId);
  for (const b of backup.scenarios) {
    const incoming: SavedScenario = { scenarioId: b.scenarioId, title: b.title, forkedFrom: b.forkedFrom, document: JSON.parse(JSON.stringify(b.document)), updatedAt: b.updatedAt };
    if (findBuiltin(b.scenarioId)) {
      // A built-in's id (a hand-made file): kept as a copy of its own, like an import.
      const to = freshId(b.scenarioId, (id) => taken.has(id) || !!findBuiltin(id));
      taken.add(to);
      await scenarios.put({ ...incoming, scenarioId: to, document: { ...(incoming.document as object), id: to } });
      s.scenarios.copied.push({ from: b.scenarioId, to });
      continue;
    }
    const existing = await scenarios.get(b.scenarioId);
    if (!existing) {
      await scenarios.put(incoming);
      s.scenarios.added.push(b.scenarioId);
    } else if (sameScenario(existing, incoming)) s.scenarios.unchanged.push(b.scenarioId);
    else if (incoming.updatedAt > existing.updatedAt) {
      await scenarios.put(incoming);
      s.scenarios.replaced.push(b.scenarioId);
    } else s.scenarios.keptNewer.push(b.scenarioId);
  }
  for (const p of backup.progress) {
    const here = newer<{ updatedAt: number }>(await progress.get(p.scenarioId), runs.get(p.scenarioId));
    if (here && here.updatedAt >= p.updatedAt) {
      s.progress.keptNewer.push(p.scenarioId);
      continue;
    }
    await progress.put(structuredClone(p));
    (here ? s.progress.replaced : s.progress.added).push(p.scenarioId);
  }
  return s;
}

/**
 * After the catalog commit: restart the main runs of replaced scenarios (keeping the learner's place
 * and answers, or taking the restored ones), and write restored progress into main runs.
 */
async function followMainRuns(backup: Backup, s: RestoreSummary, runs: Map<string, RunRecord>): Promise<string[]> {
  const notes: string[] = [];
  const restarted = new Set(s.scenarios.replaced);
  const toSeed = new Map<string, BackupProgress>(backup.progress.filter((p) => s.progress.added.includes(p.scenarioId) || s.progress.replaced.includes(p.scenarioId)).map((p) => [p.scenarioId, p]));
  for (const id of new Set([...restarted, ...toSeed.keys()])) {
    try {
      const catalog = await openCatalog();
      try {
        await catalog.deleteRun(mainRunId(id));
      } finally {
        catalog.close();
      }
      const p = toSeed.get(id);
      const kept = runs.get(id);
      if (p) await seedMainRun(p);
      else if (kept) await saveMainRun({ ...kept, cursor: Math.min(kept.cursor, kept.furthestStep) });
    } catch (err) {
      notes.push(`the run of “${id}” could not be updated (${err instanceof Error ? err.message : String(err)}); it starts from the beginning`);
    }
  }
  return notes;
}

/** A main run record only (no events): the player recomputes and stores the events when it opens. */
async function saveMainRun(run: RunRecord): Promise<void> {
  const db = await openRunDatabase(run.runId);
  try {
    await db.saveRun(run);
  } finally {
    db.close();
  }
}

const seedMainRun = (p: BackupProgress) =>
  saveMainRun({
    runId: mainRunId(p.scenarioId),
    scenarioId: p.scenarioId,
    parentRunId: null,
    branchedAtStep: null,
    inputs: Object.entries(p.answers).flatMap(([questionId, answer]) => (isAnswer(answer) ? [{ kind: 'answer' as const, atStep: 0, questionId, answer }] : [])),
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
    sc.copied.length && `${sc.copied.length} saved under a new id: ${sc.copied.map((c) => `${c.from} → ${c.to}`).join(', ')}`,
    sc.keptNewer.length && `${sc.keptNewer.length} kept as they are, yours being newer`,
    sc.unchanged.length && `${sc.unchanged.length} already here`,
  ].filter(Boolean);
  const pr = s.progress;
  const progressed = pr.added.length + pr.replaced.length;
  const pDetails = [pr.replaced.length && `${pr.replaced.length} replaced by newer progress`, pr.keptNewer.length && `${pr.keptNewer.length} kept, yours being newer`].filter(Boolean);
  const head = `Restored ${plural(restored, 'scenario')}${details.length ? ` (${details.join('; ')})` : ''} and progress in ${plural(progressed, 'scenario')}${pDetails.length ? ` (${pDetails.join('; ')})` : ''}.`;
  return notes.length ? `${head} Note: ${notes.join('; ')}.` : head;
}
