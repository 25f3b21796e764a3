/**
 * Learner data for the backup tests: saved scenarios, progress and main runs, seeded into (and read
 * back from) fake-indexeddb the way the app stores them.
 */
import {
  openCatalog,
  openRunDatabase,
  type ProgressRecord,
  type RunRecord,
  type SavedScenario,
} from '../../persistence';
import { findBuiltin } from '../../scenarios/content';
import { exportBackup } from '../../scenarios/io/backup';
import { currentMainRunId } from '../openRun';
import { mainRunId } from '../runIds';

export const doc = (id: string, title = `Fork ${id}`) => ({
  ...JSON.parse(JSON.stringify(findBuiltin('pubsub-basics')!)),
  id,
  title,
});
export const saved = (id: string, updatedAt: number, title = `Fork ${id}`): SavedScenario => ({
  scenarioId: id,
  title,
  forkedFrom: { runId: 'main-pubsub-basics', step: 3 },
  document: doc(id, title),
  updatedAt,
});
export const progress = (
  scenarioId: string,
  furthestStep: number,
  updatedAt: number,
  answers: Record<string, unknown> = {},
): ProgressRecord => ({ scenarioId, furthestStep, completed: false, answers, updatedAt });
export const run = (
  scenarioId: string,
  furthestStep: number,
  updatedAt: number,
  answers: Record<string, string> = {},
): RunRecord => ({
  runId: mainRunId(scenarioId),
  scenarioId,
  parentRunId: null,
  branchedAtStep: null,
  inputs: Object.entries(answers).map(([questionId, answer]) => ({
    kind: 'answer' as const,
    atStep: 1,
    questionId,
    answer,
  })),
  cursor: furthestStep,
  furthestStep,
  createdAt: 1,
  updatedAt,
});

export async function seed(input: { scenarios?: SavedScenario[]; progress?: ProgressRecord[]; runs?: RunRecord[] }) {
  const c = await openCatalog();
  try {
    for (const s of input.scenarios ?? []) await c.putScenario(s);
    for (const p of input.progress ?? []) await c.putProgress(p);
  } finally {
    c.close();
  }
  for (const r of input.runs ?? []) {
    const db = await openRunDatabase(r.runId);
    await db.saveRun(r);
    db.close();
  }
}

export async function catalogState() {
  const c = await openCatalog();
  try {
    const scenarios = await c.listScenarios();
    const progress = Object.fromEntries(
      await Promise.all(scenarios.map(async (s) => [s.scenarioId, await c.getProgress(s.scenarioId)] as const)),
    );
    return { scenarios, progress };
  } finally {
    c.close();
  }
}

/** The main run the player would open for a scenario (following a saved scenario's pointer). */
export async function mainRun(scenarioId: string) {
  const db = await openRunDatabase(await currentMainRunId(scenarioId));
  try {
    return await db.loadRun();
  } finally {
    db.close();
  }
}

/** The stored events of the run the player would open. */
export async function mainRunEvents(scenarioId: string) {
  const db = await openRunDatabase(await currentMainRunId(scenarioId));
  try {
    return await db.store.readAll();
  } finally {
    db.close();
  }
}

export const dbNames = async () => (await indexedDB.databases()).map((d) => d.name!).sort();

export const backupOf = (scenarios: SavedScenario[], progressRecords: ProgressRecord[] = []) =>
  exportBackup({ exportedAt: 1_800_000_000_000, scenarios, progress: progressRecords });
