/**
 * A run session binds a run store to its durable record: it restores the run on open (checking
 * that the stored events agree with the recomputed world), and after every move writes the new
 * events together with the cursor in one transaction. Writes are serialised; `settled()` resolves
 * when everything asked so far has landed.
 *
 * The record is shared with every other tab of the run: persistence merges each write into the
 * stored record (furthest step = max, inputs = a log), and the session tells the other tabs through
 * the run channel; a tab that hears of a change re-reads the record and follows it (answers and the
 * furthest step; its own place stays where it is). A stored record that fails validation opens the
 * run read-only with a message saying what is wrong, until the learner starts it again (`restart`).
 */
import { WrongExpectedVersionError } from '../engine/eventstore';
import type { LearnerInput, RecordedEvent } from '../engine/types';
import { DamagedRunRecordError, mergeInputs, sameStory } from '../persistence/runRecord';
import type { RunRecord } from '../persistence/runRecord';
import { DamagedStoredEventError } from '../persistence/storedEvent';
import { Stepper } from '../scenarios/stepper';
import { firstDisagreement, readStoredEvents, stepHolding, toAppends } from './appends';
import type { RunChangeKind } from './runChannel';
import { sessionCheckpoints } from './runCheckpoint';
import {
  damageOf,
  damagedEventOf,
  describe,
  loadRecord,
  plural,
  restartNotice,
  storedDamage,
  storedEventsDamage,
  type Damage,
} from './runDamage';
import { answersOf, createRunStore, questionOf, type StorageStatus } from './runStore';
import { nextStepWhenIdle } from './prefetch';
import type { RunSession, RunSessionOptions } from './runSessionTypes';

export type { RunPort, RunSession, RunSessionOptions } from './runSessionTypes';

export function createRunSession(options: RunSessionOptions): RunSession {
  const { scenario, runId, now } = options;
  // Null from the moment storage fails at start-up: 'memory only' then means nothing more is written.
  let port = options.port;
  const channel = options.channel ?? null;
  let inputs: readonly LearnerInput[] = options.inputs ?? [];
  let stepper = new Stepper(scenario, inputs, undefined, options.reference);
  const store = createRunStore(scenario, runId, inputs, stepper);
  let createdAt = now();
  let readOnly = false;
  let damage: Damage | null = null;
  let chain: Promise<void> = Promise.resolve();
  let loaded = false;
  let markShown = () => {};
  const shown = new Promise<void>((resolve) => (markShown = resolve));
  // World checkpoints, when the database keeps them: opening at a far step starts there (runCheckpoint.ts).
  const checkpoints = sessionCheckpoints(port, options, () => (readOnly || !port ? null : store.getState()));

  const setStorage = (patch: Partial<StorageStatus>) =>
    store.setState((s) => ({ storage: { ...s.storage, ...patch } }));
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

  /** Steps are whole numbers (the stepper is never asked for anything else); clamped to the run. */
  const clampStep = (step: number) => Math.max(0, Math.min(step, stepper.lastStep));

  const prefetch = nextStepWhenIdle(() => stepper);
  let shownBy = stepper; // the stepper whose world the store shows (another tab may change the story)
  const show = (step: number) => {
    const r = stepper.at(clampStep(step));
    // One step forward in the same story: the world on screen is exactly the one before this step.
    const before = shownBy === stepper && r.world.step === store.getState().step + 1 ? store.getState().world : null;
    shownBy = stepper;
    store.setState((s) => ({
      step: r.world.step,
      world: r.world,
      before,
      effects: r.effects,
      narration: r.narration,
      question: questionOf(stepper, r.world.step),
      furthestStep: Math.max(s.furthestStep, r.world.step),
    }));
    checkpoints?.shown(r.world.step);
    prefetch(r.world.step + 1);
    return r;
  };

  const adoptInputs = (next: readonly LearnerInput[]) => {
    const storyChanged = !sameStory(inputs, next);
    inputs = next;
    if (storyChanged) stepper = new Stepper(scenario, inputs, undefined, options.reference);
    store.setState({ inputs, stepper, lastStep: stepper.lastStep, answers: answersOf(inputs) });
  };

  const enqueue = (write: () => Promise<void>): Promise<void> => {
    const next = chain.then(write).catch((err: unknown) => {
      if (err instanceof DamagedRunRecordError) enterDamaged(damageOf(err, inputs));
      else if (err instanceof DamagedStoredEventError) enterDamaged(damagedEventOf(err, keptOf(store.getState().step)));
      else setStorage({ error: describe(err) });
    });
    chain = next;
    return next;
  };

  const announce = (kind: RunChangeKind) => channel?.announce(kind);

  /** Events of the world at `step` (the stored events of a run whose furthest step is `step`). */
  const eventsAt = (step: number) => stepper.at(clampStep(step)).world.log.events;

  /**
   * Commits `events` beyond those stored. If another tab stored some of them first (this tab's
   * count was behind, so an append no longer fits), read what is stored, check it agrees, and
   * append only the rest.
   */
  const commitFrom = async (events: readonly RecordedEvent[], run: RunRecord) => {
    const stored = store.getState().storage.storedCount;
    try {
      await port!.commitStep({ appends: toAppends(events.slice(stored)), run });
      setStorage({ storedCount: Math.max(stored, events.length), error: null });
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError)) throw err;
      const onDisk = await port!.store.readAll();
      const bad = firstDisagreement(onDisk.slice(0, events.length), events);
      if (bad >= 0) {
        disagree(onDisk, bad, run.cursor);
        return;
      }
      if (onDisk.length < events.length)
        await port!.commitStep({ appends: toAppends(events.slice(onDisk.length)), run });
      else await port!.saveRun(run);
      setStorage({ storedCount: Math.max(onDisk.length, events.length), error: null });
    }
  };

  /** Writes the move to `step`: new events (if it goes past the furthest step) + the cursor. */
  const writeMove = async (step: number, furthestStep: number, events: readonly RecordedEvent[]) => {
    if (readOnly || !port) return;
    const stored = store.getState().storage.storedCount;
    if (step >= furthestStep && events.length > stored) await commitFrom(events, record(step, furthestStep));
    else await port.saveRun(record(step, furthestStep));
    announce('changed');
  };

  /** Persist the move to `step`, after every write asked for before it. */
  const persist = (step: number) => {
    const { furthestStep, world } = store.getState();
    if (!port) setStorage({ storedCount: Math.max(store.getState().storage.storedCount, world.log.events.length) });
    if (!port || readOnly) return Promise.resolve();
    return enqueue(() => writeMove(step, furthestStep, world.log.events));
  };

  /** The same, from inside a job already on the chain (restore runs there). */
  const writeNow = (step: number) => writeMove(step, store.getState().furthestStep, store.getState().world.log.events);

  /** What a run whose record reads well keeps when its stored events are damaged: the story and its place. */
  const keptOf = (cursor: number) => ({ inputs: [...inputs], createdAt, cursor, furthestStep: furthest() });
  const furthest = () => store.getState().furthestStep;

  const disagree = (stored: readonly RecordedEvent[], bad: number, cursor: number) => {
    const e = stored[bad];
    enterDamaged(
      storedEventsDamage(
        `The stored events of this run disagree with the scenario at global position ${bad + 1} (${e?.eventType ?? '?'} in "${e?.streamId ?? '?'}").`,
        keptOf(cursor),
      ),
    );
    setStorage({ storedCount: bad });
  };

  /** Read-only, with the message and the "Start this run again" action. */
  function enterDamaged(d: Damage) {
    readOnly = true;
    damage = d;
    setStorage({ mode: 'indexeddb', error: d.message, damaged: true });
  }

  /**
   * Opens the stored run (on load, after a restart, when another tab started it again). The step
   * asked for is shown as soon as the record says the story is the one this session computes (then
   * the world depends on nothing else stored: answers change no world), before the stored events are
   * read and checked against it; a record that tells another story, or is damaged, is shown after.
   */
  const restore = async (requested: number | null, announceRestore: boolean) => {
    if (!port) return;
    let seededFor: Stepper | null = null;
    const seed = async (steps: number[]) => {
      if (seededFor === stepper) return;
      seededFor = stepper;
      await checkpoints?.seed(stepper, steps);
    };
    // This story's checkpoints are read alongside the record (a record of another story reads its own).
    const early = requested === null ? null : seed([clampStep(requested), stepper.lastStep]);
    const fallbackInputs = options.inputs ?? [];
    const { saved, found: recordDamage } = await loadRecord(port, scenario.id, fallbackInputs);
    await early;
    if (!recordDamage && sameStory(saved?.inputs ?? inputs, inputs)) {
      if (saved) adoptInputs(saved.inputs);
      const furthest = clampStep(saved?.furthestStep ?? 0);
      const target = clampStep(requested ?? saved?.cursor ?? 0);
      await seed([target, furthest]);
      store.setState({ furthestStep: Math.max(store.getState().furthestStep, furthest) });
      show(target);
      markShown();
    }
    const read = await readStoredEvents(port!.store);
    const found = recordDamage ?? storedDamage(read, saved, fallbackInputs);
    const stored = read instanceof DamagedStoredEventError ? [] : read;
    readOnly = false;
    damage = null;
    setStorage({ damaged: false, error: null });
    if (found) {
      adoptInputs(found.salvage.inputs);
      store.setState({ furthestStep: 0 });
      show(requested ?? 0);
      enterDamaged(found);
      setStorage({ storedCount: read instanceof DamagedStoredEventError ? read.index - 1 : stored.length });
      return;
    }
    let furthest = 0;
    if (saved) {
      createdAt = saved.createdAt;
      adoptInputs(saved.inputs);
      furthest = clampStep(saved.furthestStep);
    }
    const target = requested ?? saved?.cursor ?? 0;
    await seed([clampStep(target), furthest]);
    const computed = eventsAt(furthest);
    const bad = firstDisagreement(stored, computed);
    store.setState({ furthestStep: furthest });
    setStorage({ mode: 'indexeddb', storedCount: stored.length });
    if (bad >= 0) {
      disagree(stored, bad, target);
      show(target);
      return;
    }
    // A group commit cut short by a reload: re-append the missing tail (idempotent by event id).
    if (stored.length < computed.length) await writeMove(furthest, furthest, computed);
    show(target);
    if (saved && requested === null && target > 0)
      setStorage({ notice: `Restored step ${target} from your last visit.` });
    await writeNow(store.getState().step);
    if (announceRestore) announce('restarted');
  };

  /** Another tab changed the stored run: take its answers and progress; stay at this tab's step. */
  const follow = async (kind: RunChangeKind) => {
    if (!port) return;
    if (kind === 'restarted' || damage) {
      await restore(store.getState().step, false);
      if (!damage) setStorage({ notice: 'This run was started again in another tab; this tab follows it.' });
      return;
    }
    const saved = await port.loadRun();
    if (!saved) return;
    if (!sameStory(saved.inputs, inputs)) {
      readOnly = true;
      setStorage({ error: 'Another tab changed the story of this run. Reload this tab to continue the stored run.' });
      return;
    }
    const before = store.getState();
    const merged = mergeInputs(saved.inputs, inputs);
    const newAnswers = Object.entries(answersOf(merged)).filter(
      ([q, a]) => JSON.stringify(before.answers[q]) !== JSON.stringify(a),
    ).length;
    adoptInputs(merged);
    const furthest = Math.max(before.furthestStep, clampStep(saved.furthestStep));
    const storedCount = Math.max(before.storage.storedCount, eventsAt(clampStep(saved.furthestStep)).length);
    store.setState({ furthestStep: furthest });
    const moved = furthest > before.furthestStep;
    setStorage({ storedCount });
    if (moved || newAnswers > 0)
      setStorage({
        notice: `Another tab of this run ${[moved ? `went on to step ${furthest}` : '', newAnswers > 0 ? `answered ${plural(newAnswers, 'question')}` : ''].filter(Boolean).join(' and ')}; it is the same run, so this tab shows that too.`,
      });
  };

  const unlisten = channel?.listen((kind) => {
    if (!loaded) void ready.then(() => enqueue(() => follow(kind)));
    else void enqueue(() => follow(kind));
  });

  const ready = (async () => {
    if (!port) {
      const step = options.requestedStep ?? 0;
      show(step);
      setStorage({
        mode: 'memory',
        storedCount: store.getState().world.log.events.length,
        notice: options.unavailableReason ?? null,
      });
      return;
    }
    await restore(options.requestedStep, false);
  })()
    .catch((err: unknown) => {
      port = null;
      setStorage({ mode: 'memory', error: describe(err) });
    })
    .finally(() => {
      loaded = true;
      markShown();
    });

  const restart = async () => {
    if (!port || !damage) return;
    const { salvage } = damage;
    // Answers given in this tab while it was damaged are kept too.
    const next = mergeInputs(salvage.inputs, inputs);
    adoptInputs(next);
    const read = await readStoredEvents(port!.store);
    const onDisk = read instanceof DamagedStoredEventError ? null : read;
    // The furthest step: the stored one if it can be read and agrees with the stored events, else
    // the step whose world holds exactly the stored events; if none does, the events belong to a
    // story that can no longer be read and are cleared (they are stored again as the run is played).
    // Damaged stored events of a story that reads well are cleared and stored again up to its furthest step.
    const agrees = (k: number) =>
      onDisk !== null && k >= 0 && eventsAt(k).length === onDisk.length && firstDisagreement(onDisk, eventsAt(k)) < 0;
    let furthest = salvage.furthestStep !== undefined ? clampStep(salvage.furthestStep) : -1;
    if (!agrees(furthest) && onDisk) furthest = stepHolding(onDisk.length, stepper.lastStep, (k) => eventsAt(k).length);
    const clearEvents = !agrees(furthest);
    const refill = clearEvents && damage.restoreEvents === true && salvage.furthestStep !== undefined;
    if (clearEvents) furthest = refill ? clampStep(salvage.furthestStep!) : 0;
    const cursor = Math.min(salvage.cursor ?? 0, stepper.lastStep);
    if (salvage.createdAt !== undefined) createdAt = salvage.createdAt;
    const answers = Object.keys(answersOf(inputs)).length;
    await port.replaceRun({ ...record(cursor, furthest) }, { clearEvents });
    store.setState({ furthestStep: 0 });
    setStorage({ storedCount: 0 });
    await restore(cursor, true);
    setStorage({
      notice: restartNotice({
        onDisk: onDisk?.length ?? null,
        clearEvents,
        refill,
        stored: store.getState().storage.storedCount,
        answers,
      }),
    });
  };

  const session: RunSession = {
    store,
    ready,
    shown,
    // The store shows the new step synchronously (the playback machine reads it right away);
    // the returned promise is the storage write.
    goTo: (step) => {
      if (!Number.isSafeInteger(step))
        return Promise.reject(new RangeError(`goTo: the step must be a whole number, got ${String(step)}`));
      if (!loaded) return ready.then(() => persist(show(step).world.step));
      return persist(show(step).world.step);
    },
    answer: (questionId, answer) => {
      // Shown before the stored run was read (restore): the answer joins the inputs it reads.
      if (!loaded) return ready.then(() => session.answer(questionId, answer));
      inputs = [...inputs, { kind: 'answer', atStep: store.getState().step, questionId, answer }];
      store.setState({ inputs, answers: answersOf(inputs) });
      if (!port) return Promise.resolve();
      if (readOnly) {
        if (damage) setStorage({ notice: 'Your answer is kept in this tab; start this run again to store it.' });
        return Promise.resolve();
      }
      return enqueue(async () => {
        if (readOnly || !port) return;
        const { step, furthestStep } = store.getState();
        await port.saveRun(record(step, furthestStep));
        announce('changed');
      });
    },
    hasOpenQuestion: () => {
      const { question, answers } = store.getState();
      return question !== null && !Object.hasOwn(answers, question.id);
    },
    restart: () => (loaded ? enqueue(restart) : ready.then(() => enqueue(restart))),
    settled: async () => {
      await ready;
      let seen: Promise<void>;
      do {
        seen = chain;
        await seen;
      } while (seen !== chain);
    },
    close: () => {
      checkpoints?.close();
      unlisten?.();
    },
  };
  return session;
}
