/**
 * Back up everything a learner made in this browser (saved scenarios and progress) as one file.
 * Loaded on demand, like the import flow. Progress is what the player keeps in each scenario's main
 * run plus the catalog's progress records, every answered question with its review schedule, and each finished
 * mock interview's scorecard (format 3). A backup is checked with the same parser a restore uses
 * before it is offered, so the app's own backup always restores.
 */
import { type ProgressRecord } from '../persistence';
import { sentences } from '../persistence/errors';
import { interviewIssues } from '../persistence/interviewRecords';
import { allBuiltins, findBuiltin } from '../scenarios/content';
import { exportBackup, parseBackup } from '../scenarios/io/backup';
import { importScenarioValue } from '../scenarios/io/importScenario';
import { downloadText } from './library';

import {
  checkIds,
  plural,
  withCatalogOpen,
  currentRunId,
  mainRuns,
  progressOfRun,
  newer,
  stepCountOf,
  damagedNote,
} from './backupRuns';

export interface BackupFile {
  fileName: string;
  text: string;
  scenarios: number;
  progress: number;
  /** Answered questions (progress per question, with their review schedule). */
  questions: number;
  /** Finished mock interviews (their scorecards). */
  interviews: number;
  /** What was left out and why (a backup must restore whole): "“title” (no longer valid)"… */
  skipped: string[];
}

const localDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The index of the entry an issue's path names (`scenarios[3].document…` → ['scenarios', 3]). */
type Entries = 'scenarios' | 'progress' | 'questions' | 'interviews';
const entryOf = (path: string): [Entries, number] | null => {
  const m = /^(scenarios|progress|questions|interviews)\[(\d+)\]/.exec(path);
  return m ? [m[1] as Entries, Number(m[2])] : null;
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
    ...allBuiltins().map((s) => [s.id, s.steps.length] as const),
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
  let questions = stored.questions;
  let interviews = stored.interviews;
  for (let round = 0; ; round++) {
    const text = exportBackup({ scenarios, progress, questions, interviews, exportedAt: now });
    const parsed = parseBackup(text, interviewIssues);
    const issues = parsed.ok ? checkIds(parsed.backup) : parsed.issues;
    if (issues.length === 0)
      return {
        fileName: `event-lab-backup-${localDate(now)}.json`,
        text,
        scenarios: scenarios.length,
        progress: progress.length,
        questions: questions.length,
        interviews: interviews.length,
        skipped,
      };
    const drop = {
      scenarios: new Set<number>(),
      progress: new Set<number>(),
      questions: new Set<number>(),
      interviews: new Set<number>(),
    };
    for (const i of issues) {
      const at = entryOf(i.path);
      if (at) drop[at[0]].add(at[1]);
    }
    if (round > 3 || drop.scenarios.size + drop.progress.size + drop.questions.size + drop.interviews.size === 0)
      throw new Error(`the backup does not read back: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
    scenarios = scenarios.filter(
      (s, i) => !drop.scenarios.has(i) || (skipped.push(`“${s.title}” (it would not restore)`), false),
    );
    progress = progress.filter(
      (p, i) =>
        !drop.progress.has(i) || (skipped.push(`the progress in “${p.scenarioId}” (it would not restore)`), false),
    );
    questions = questions.filter(
      (q, i) =>
        !drop.questions.has(i) || (skipped.push(`an answer in “${q.scenarioId}” (it would not restore)`), false),
    );
    interviews = interviews.filter(
      (r, i) =>
        !drop.interviews.has(i) ||
        (skipped.push(`a mock interview on “${r.promptTitle}” (it would not restore)`), false),
    );
  }
}

/** Downloads the backup; returns a sentence for the learner. */
export async function downloadBackup(now: number): Promise<string> {
  const b = await collectBackup(now);
  downloadText(b.fileName, b.text);
  return sentences(
    `Backed up ${plural(b.scenarios, 'saved scenario')} and progress in ${plural(b.progress, 'scenario')}${b.questions ? ` (${plural(b.questions, 'answered question')})` : ''}${b.interviews ? `, with ${plural(b.interviews, 'mock interview')}` : ''} as ${b.fileName}`,
    b.skipped.length > 0 && `Left out: ${b.skipped.join('; ')}`,
  );
}
