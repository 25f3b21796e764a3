/**
 * One run's data as a Zustand vanilla store: the world at the current step, its effects and
 * narration, and how much of the run is durably stored. Modes (playing, stepping…) live in the
 * playback machine, not here.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Effect, LearnerInput, Narration } from '../engine/types';
import type { QuestionDef, ScenarioDef } from '../scenarios/schema';
import { questionInRun } from '../scenarios/questionInRun';
import { Stepper } from '../scenarios/stepper';
import type { World } from '../scenarios/world';

/**
 * The question asked at step k of a run: a script step's, where this run played it (and the next step, which
 * reveals the answer) as in the story the question was written for (`questionInRun`); otherwise none is asked.
 */
export function questionOf(stepper: Stepper, step: number): QuestionDef | null {
  const q = questionInRun(stepper, step);
  return q?.asked ? q.question : null;
}

/** Whether step k has a script question this run does not ask, and whose story it is about; null if not. */
export function questionNotAskedOf(stepper: Stepper, step: number): 'original' | 'reference' | null {
  const q = questionInRun(stepper, step);
  return q && !q.asked ? q.of : null;
}

export type StorageMode = 'indexeddb' | 'memory' | 'loading';

export interface StorageStatus {
  mode: StorageMode;
  /** Events whose transaction has completed (or, in memory, that exist). */
  storedCount: number;
  /** A problem the learner should know about (worded for them), or null. */
  error: string | null;
  /** Something reassuring or informative ("restored step 5 from your last visit"), or null. */
  notice: string | null;
  /** The run's stored record is damaged: shown read-only, with "Start this run again". */
  damaged: boolean;
}

export interface RunState {
  scenario: ScenarioDef;
  runId: string;
  inputs: readonly LearnerInput[];
  /** The run's stepper (scenario + inputs → world at any step); derived views may ask it for other steps. */
  stepper: Stepper;
  step: number;
  lastStep: number;
  furthestStep: number;
  world: World;
  /**
   * The world just before the current step, when the run got here by moving forward one step (so
   * the views can draw the step's stages from before to after); null after any other move.
   */
  before: World | null;
  effects: readonly Effect[];
  narration: Narration;
  storage: StorageStatus;
  /** The question of the current step (playback pauses on it until answered or skipped). */
  question: QuestionDef | null;
  /** The learner's answers in this run, by question id. */
  answers: Readonly<Record<string, string | string[]>>;
}

/** Answers recorded in a run's inputs (the latest per question wins). */
export const answersOf = (inputs: readonly LearnerInput[]): Record<string, string | string[]> =>
  Object.fromEntries(inputs.flatMap((i) => (i.kind === 'answer' ? [[i.questionId, i.answer] as const] : [])));

export type RunStore = StoreApi<RunState>;

export function createRunStore(
  scenario: ScenarioDef,
  runId: string,
  inputs: readonly LearnerInput[],
  stepper = new Stepper(scenario, inputs),
): RunStore {
  const first = stepper.at(0);
  return createStore<RunState>()(() => ({
    scenario,
    runId,
    inputs,
    stepper,
    step: 0,
    lastStep: stepper.lastStep,
    furthestStep: 0,
    world: first.world,
    before: null,
    effects: first.effects,
    narration: first.narration,
    storage: { mode: 'loading', storedCount: 0, error: null, notice: null, damaged: false },
    question: null,
    answers: answersOf(inputs),
  }));
}
