/**
 * A run session binds a run store to its durable record: it restores the run on open (checking
 * that the stored events agree with the recomputed world), and after every move writes the new
 * events together with the cursor in one transaction. Writes are serialised; `settled()` resolves
 * when everything asked so far has landed.
 */
import type { LearnerInput, RecordedEvent } from '../engine/types';
import type { RunRecord } from '../persistence/runTypes';
import type { ScenarioDef } from '../scenarios/schema';
import { Stepper } from '../scenarios/stepper';
import { firstDisagreement, toAppends, type StreamAppend } from './appends';
import { answersOf, createRunStore, questionOf, type RunStore, type StorageStatus } from './runStore';

/** What a session needs from persistence (implemented by the IndexedDB run database). */
export interface RunPort {
  loadRun(): Promise<RunRecord | undefined>;
  commitStep(input: { appends: StreamAppend[]; run: RunRecord }): Promise<unknown>;
  saveRun(run: RunRecord): Promise<void>;
  readonly store: { readAll(): Promise<RecordedEvent[]> };
}

export interface RunSessionOptions {
  scenario: ScenarioDef;
  runId: string;
  /** Null when IndexedDB is unavailable: the run plays in memory. */
  port: RunPort | null;
  /** Why there is no port, worded for the learner. */
  unavailableReason?: string;
  /** Step asked for by the URL; null = where the learner left off. */
  requestedStep: number | null;
  /** Wall clock for createdAt/updatedAt (injected; tests pass a fake). */
  now: () => number;
  parentRunId?: string | null;
  branchedAtStep?: number | null;
  inputs?: readonly LearnerInput[];
}

export interface RunSession {
  readonly store: RunStore;
  readonly ready: Promise<void>;
  goTo(step: number): Promise<void>;
  /** Records the learner's answer to the current step's question (part of the run; no branch). */
  answer(questionId: string, answer: string | string[]): Promise<void>;
  /** True when the current step asks a question the learner has not answered in this run. */
  hasOpenQuestion(): boolean;
  settled(): Promise<void>;
}

export function createRunSession(options: RunSessionOptions): RunSession {
  const { scenario, runId, port, now } = options;
  let inputs: readonly LearnerInput[] = options.inputs ?? [];
  let stepper = new Stepper(scenario, inputs);
  const store = createRunStore(scenario, runId, inputs, stepper);
  let createdAt = now();
  let readOnly = false;
  let chain: Promise<void> = Promise.resolve();
  let loaded = false;

  const setStorage = (patch: Partial<StorageStatus>) => store.setState((s) => ({ storage: { ...s.storage, ...patch } }));
  const record = (cursor: number, furthestStep: number): RunRecord => ({
    runId,
    scenarioId: scenario.id,
    parentRunId: options.parentRunId ?? null,
    branchedAtStep: options.branchedAtStep ?? null,
    inputs: [...inputs],
    cursor,
    furthestStep,
    createdAt,
    updatedAt: now(),
  });

  const show = (step: number) => {
    const r = stepper.at(step);
    store.setState((s) => ({
      step: r.world.step,
      world: r.world,
      effects: r.effects,
      narration: r.narration,
      question: questionOf(stepper, r.world.step),
      furthestStep: Math.max(s.furthestStep, r.world.step),
    }));
    return r;
  };

  const enqueue = (write: () => Promise<void>): Promise<void> => {
    const next = chain.then(write).catch((err: unknown) => {
      setStorage({ error: describe(err) });
    });
    chain = next;
    return next;
  };

  /** Persist the move to `step`: new events (if it goes past the furthest step) + the cursor. */
  const persist = (step: number) => {
    const { furthestStep } = store.getState();
    const world = store.getState().world;
    if (!port) {
      setStorage({ storedCount: Math.max(store.getState().storage.storedCount, world.log.events.length) });
      return Promise.resolve();
    }
    if (readOnly) return Promise.resolve();
    return enqueue(async () => {
      const stored = store.getState().storage.storedCount;
      if (step >= furthestStep && world.log.events.length > stored) {
        const fresh = world.log.events.slice(stored);
        await port.commitStep({ appends: toAppends(fresh), run: record(step, furthestStep) });
        setStorage({ storedCount: world.log.events.length, error: null });
      } else {
        await port.saveRun(record(step, furthestStep));
      }
    });
  };

  const ready = (async () => {
    if (!port) {
      const step = options.requestedStep ?? 0;
      show(step);
      setStorage({ mode: 'memory', storedCount: store.getState().world.log.events.length, notice: options.unavailableReason ?? null });
      return;
    }
    const saved = await port.loadRun();
    let furthest = 0;
    if (saved) {
      createdAt = saved.createdAt;
      inputs = saved.inputs;
      stepper = new Stepper(scenario, inputs);
      store.setState({ inputs, stepper, lastStep: stepper.lastStep, answers: answersOf(inputs) });
      furthest = Math.min(saved.furthestStep, stepper.lastStep);
    }
    const computed = stepper.at(furthest).world.log.events;
    const stored = await port.store.readAll();
    const bad = firstDisagreement(stored, computed);
    if (bad >= 0) {
      readOnly = true;
      setStorage({
        mode: 'indexeddb',
        storedCount: bad,
        error: `The stored events of this run disagree with the scenario at global position ${bad + 1} (${stored[bad]?.eventType ?? '?'} in "${stored[bad]?.streamId ?? '?'}"). Nothing was changed; this run is shown read-only.`,
      });
    } else {
      setStorage({ mode: 'indexeddb', storedCount: stored.length });
    }
    store.setState({ furthestStep: furthest });
    const target = options.requestedStep ?? saved?.cursor ?? 0;
    show(furthest);
    if (!readOnly && stored.length < computed.length) {
      // A group commit cut short by a reload: re-append the missing tail (idempotent by event id).
      await persist(furthest);
    }
    show(target);
    if (saved && options.requestedStep === null && target > 0) setStorage({ notice: `Restored step ${target} from your last visit.` });
    await persist(store.getState().step);
  })()
    .catch((err: unknown) => {
      setStorage({ mode: 'memory', error: describe(err) });
    })
    .finally(() => {
      loaded = true;
    });

  return {
    store,
    ready,
    // The store shows the new step synchronously (the playback machine reads it right away);
    // the returned promise is the storage write.
    goTo: (step) => {
      if (!loaded) return ready.then(() => persist(show(step).world.step));
      return persist(show(step).world.step);
    },
    answer: (questionId, answer) => {
      inputs = [...inputs, { kind: 'answer', atStep: store.getState().step, questionId, answer }];
      store.setState({ inputs, answers: answersOf(inputs) });
      if (!port || readOnly) return Promise.resolve();
      const { step, furthestStep } = store.getState();
      return enqueue(() => port.saveRun(record(step, furthestStep)));
    },
    hasOpenQuestion: () => {
      const { question, answers } = store.getState();
      return question !== null && !Object.hasOwn(answers, question.id);
    },
    settled: async () => {
      await ready;
      let seen: Promise<void>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
  };
}

const describe = (err: unknown): string => (err instanceof Error ? err.message : String(err));
