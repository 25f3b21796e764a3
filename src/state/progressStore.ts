/**
 * The learner's progress, stored in the catalog database (persistence/progressRecords.ts): the one
 * place that reads and writes it. Each call opens the catalog for its work and closes it.
 *
 *   recordOutcome(outcome)          one graded answer: counted, and scheduled for review once missed
 *   recordStepReached(id, step, n, answers)  how far the learner got in a scenario (the furthest step is
 *                                   kept) with the run's answers, so this record and the main run agree
 *                                   whichever of them a backup takes as the newer
 *   readProgress()                  every question's record and every scenario's progress, with the
 *                                   learner's saved scenarios (their progress is recorded too)
 *   savedScenarioFor(id)            a saved scenario's document, validated, for a review or a cheat sheet
 *
 * Progress is keyed by scenario id, built-in and saved alike. A saved scenario's id is never a built-in's
 * (`app/library.ts` freshScenarioId, and a backup carrying one is refused), a rename keeps its id (its
 * progress follows it) and a fork gets a fresh one (its progress starts empty), so the two never collide.
 * Deleting a saved scenario removes its progress with it (`app/savedList.ts`), so an id used again later
 * starts clean; undoing the delete puts both back.
 *
 * In an e2e build, `window.__eventLab.progressSettled()` resolves once every write started so far has
 * landed, so a test never sleeps waiting for one.
 */
import { openCatalog, type ProgressRecord } from '../persistence';
import { questionKey, type QuestionProgress } from '../persistence/progressRecords';
import type { ScenarioDef } from '../scenarios/schema';
import { applyOutcome, type Outcome } from './progress';
import { progressNow } from './progressClock';

let pending: Promise<unknown> = Promise.resolve();

async function openAndRun<T>(f: (c: Awaited<ReturnType<typeof openCatalog>>) => Promise<T>): Promise<T> {
  const catalog = await openCatalog();
  try {
    return await f(catalog);
  } finally {
    catalog.close();
  }
}

function withCatalog<T>(f: (c: Awaited<ReturnType<typeof openCatalog>>) => Promise<T>): Promise<T> {
  const work = openAndRun(f);
  pending = Promise.all([pending, work.catch(() => undefined)]);
  if (import.meta.env.MODE === 'e2e' && typeof window !== 'undefined' && window.__eventLab)
    window.__eventLab.progressSettled = () => pending.then(() => undefined);
  return work;
}

/** Records one graded answer (read, changed and written in one transaction); resolves to the stored record. */
export function recordOutcome(outcome: Outcome): Promise<QuestionProgress> {
  const at = outcome.at ?? progressNow();
  return withCatalog((c) =>
    c.updateLearnerData(async ({ questions }) => {
      const next = applyOutcome(await questions.get(questionKey(outcome.scenarioId, outcome.questionId)), outcome, at);
      await questions.put(next);
      return next;
    }),
  );
}

/**
 * Keeps the furthest step reached in a scenario (never moves back) and whether it was finished, with
 * the main run's answers: a backup takes the newer of this record and the run, so both must say the same.
 */
export function recordStepReached(
  scenarioId: string,
  step: number,
  lastStep: number,
  answers: Readonly<Record<string, string | string[]>> = {},
): Promise<void> {
  const at = progressNow();
  return withCatalog((c) =>
    c.updateLearnerData(async ({ progress }) => {
      const prev = await progress.get(scenarioId);
      const next: ProgressRecord = {
        scenarioId,
        furthestStep: Math.max(prev?.furthestStep ?? 0, step),
        completed: (prev?.completed ?? false) || step >= lastStep,
        answers: { ...answers },
        updatedAt: at,
      };
      const same =
        prev &&
        prev.furthestStep === next.furthestStep &&
        prev.completed === next.completed &&
        JSON.stringify(prev.answers) === JSON.stringify(next.answers);
      if (!same) await progress.put(next);
    }),
  );
}

/** A saved scenario as the progress views name it. */
export interface SavedTitle {
  scenarioId: string;
  title: string;
}

export function readProgress(): Promise<{
  questions: QuestionProgress[];
  scenarios: ProgressRecord[];
  saved: SavedTitle[];
}> {
  return withCatalog(async (c) => {
    const data = await c.readLearnerData();
    return {
      questions: data.questions,
      scenarios: data.progress,
      saved: data.scenarios.map((s) => ({ scenarioId: s.scenarioId, title: s.title })),
    };
  });
}

/**
 * A saved scenario's document validated like any import (stored data is input), or null when there is
 * none, it no longer validates or it names another scenario: its progress is then shown without it.
 */
export async function savedScenarioFor(id: string): Promise<ScenarioDef | null> {
  const saved = await withCatalog((c) => c.getScenario(id)).catch(() => undefined);
  if (!saved) return null;
  const { importScenarioValue } = await import('../scenarios/io/importScenario');
  const r = importScenarioValue(saved.document);
  return r.ok && r.scenario.id === id ? r.scenario : null;
}
