/**
 * Restore a backup file (`backupCollect.ts` writes them). Loaded on demand.
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
 * Answered questions (progress per question and the review schedule, format 2) follow the same rule
 * by their last answer's time, decided and written inside the catalog transaction; format 1 backups
 * have none and restore as before. Finished mock interviews (format 3) are added when this device does not
 * have them (a finished interview never changes, so one already here is kept); formats 1 and 2 have none.
 */
import { type LearnerStores, type RunRecord, type SavedScenario } from '../persistence';
import { describeFailure, sentences } from '../persistence/errors';
import { interviewIssues, InterviewRecordSchema } from '../persistence/interviewRecords';
import { findBuiltin } from '../scenarios/content';
import { MAX_BACKUP_BYTES, parseBackup, type Backup, type BackupProgress } from '../scenarios/io/backup';
import type { ScenarioIssue } from '../scenarios/parse';
import { freshRunId, mainRunId } from './runIds';

import {
  checkIds,
  plural,
  withCatalogOpen,
  isAnswer,
  currentRunId,
  mainRuns,
  writeFreshRun,
  newer,
  stepCountOf,
} from './backupRuns';

export { MAX_BACKUP_BYTES };

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
  /** Answered questions, by `<scenarioId>/<questionId>`. */
  questions: { added: string[]; replaced: string[]; keptNewer: string[] };
  /** Finished mock interviews, by id: added, or already here. */
  interviews: { added: string[]; unchanged: string[] };
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
  const parsed = parseBackup(text, interviewIssues);
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
    questions: { added: [], replaced: [], keptNewer: [] },
    interviews: { added: [], unchanged: [] },
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
    async commit({ scenarios, progress, questions, interviews }: LearnerStores): Promise<void> {
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
      // Each answered question: the backup's copy only where it is newer than this device's.
      for (const q of backup.questions) {
        const here = await questions.get(q.id);
        if (here && here.lastAt >= q.lastAt) {
          s.questions.keptNewer.push(q.id);
          continue;
        }
        await questions.put(structuredClone(q));
        (here ? s.questions.replaced : s.questions.added).push(q.id);
      }
      // Each finished interview not here yet (parseBackup checked it is a stored record's shape).
      for (const r of backup.interviews) {
        if (await interviews.get(r.id)) {
          s.interviews.unchanged.push(r.id);
          continue;
        }
        await interviews.put(InterviewRecordSchema.parse(r));
        s.interviews.added.push(r.id);
      }
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
  const answered = s.questions.added.length + s.questions.replaced.length;
  const head = `Restored ${plural(restored, 'scenario')}${details.length ? ` (${details.join('; ')})` : ''} and progress in ${plural(progressed, 'scenario')}${pDetails.length ? ` (${pDetails.join('; ')})` : ''}${answered ? `, with ${plural(answered, 'answered question')}` : ''}${s.interviews.added.length ? `, and ${plural(s.interviews.added.length, 'mock interview')}` : ''}`;
  return sentences(head, ...notes.map((n) => n.charAt(0).toUpperCase() + n.slice(1)));
}
