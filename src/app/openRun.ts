/**
 * Composition of a run: open its IndexedDB database (or fall back to memory with a clear word),
 * create the session and the playback actor, and keep the URL following the step.
 */
import { createActor } from 'xstate';
import { openRunDatabase, StorageUnavailableError } from '../persistence';
import { describeFailure } from '../persistence/errors';
import type { LearnerInput } from '../engine/types';
import type { ScenarioDef } from '../scenarios/schema';
import { readableStepMs } from '../state/pacing';
import { playbackMachine } from '../state/playbackMachine';
import type { PlaybackActor } from '../state/react';
import { formatRoute } from '../state/route';
import { mayBeDesign } from '../scenarios/designNarration';
import { openRunChannel } from '../state/runChannel';
import { createRunSession, type RunPort, type RunSession } from '../state/runSession';
import { takeEarlyRun } from './earlyRun';
import { loadPlaybackPrefs, savePlaybackPrefs } from './playbackPrefs';
import { mainRunId } from './runIds';
import { mainRunPointer } from './savedList';

/** The learner's system asks for less motion: stages then show as short highlights, and pace by those. */
const reducedMotion = () =>
  typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;

export interface OpenRun {
  session: RunSession;
  playback: PlaybackActor;
  /** 'main' runs live at #/s/<scenario>/<step>; branches at #/r/<runId>/<step>. */
  kind: 'main' | 'branch';
  dispose(): void;
}

/** A learner's design's reference design (its steps that play out otherwise are told from what it did), or null. */
const referenceOf = async (scenario: ScenarioDef): Promise<ScenarioDef | null> =>
  mayBeDesign(scenario)
    ? import('../scenarios/interview/designReference').then((m) => m.referenceOf(scenario)).catch(() => null)
    : null;

/** The main run a scenario plays now: a saved scenario's catalog entry may point at a newer one (a restore or a reset writes it under a fresh id). */
export const currentMainRunId = async (scenarioId: string, memoryOnly = false) =>
  (memoryOnly ? undefined : await mainRunPointer(scenarioId)) ?? mainRunId(scenarioId);

export async function openRun(
  scenario: ScenarioDef,
  requestedStep: number | null,
  branch?: { runId: string; parentRunId: string; branchedAtStep: number },
  options: {
    memoryOnly?: boolean;
    /** A shared run's inputs (stored runs read their own). */ inputs?: readonly LearnerInput[];
    /** The main run's id when the caller has read it already (library.ts's loadScenario), else it is looked up. */
    mainRunId?: string;
  } = {},
): Promise<OpenRun> {
  const runId = branch?.runId ?? options.mainRunId ?? (await currentMainRunId(scenario.id, options.memoryOnly));
  let port: (RunPort & { close(): void }) | null = null;
  let unavailableReason: string | undefined;
  try {
    if (options.memoryOnly)
      unavailableReason = 'A shared scenario plays in memory: nothing is stored until you fork it.';
    else port = await (takeEarlyRun(runId) ?? openRunDatabase(runId));
  } catch (err) {
    unavailableReason =
      err instanceof StorageUnavailableError
        ? err.message
        : describeFailure('Opening this run’s storage', err, 'It plays in memory and nothing will be kept');
  }
  // Other tabs of this run hear of every change and follow it (a shared scenario stores nothing).
  const channel = port ? openRunChannel(runId) : null;
  const session = createRunSession({
    scenario,
    reference: await referenceOf(scenario),
    runId,
    port,
    channel,
    ...(unavailableReason ? { unavailableReason } : {}),
    requestedStep,
    ...(options.inputs ? { inputs: options.inputs } : {}),
    now: () => Date.now(),
    ...(branch ? { parentRunId: branch.parentRunId, branchedAtStep: branch.branchedAtStep } : {}),
  });
  // The player is shown as soon as the world is (a stored run is then still being read and checked).
  await session.shown;
  const prefs = loadPlaybackPrefs();
  const playback: PlaybackActor = createActor(playbackMachine, {
    input: {
      target: {
        step: () => session.store.getState().step,
        lastStep: () => session.store.getState().lastStep,
        goTo: (k) => session.goTo(k),
        hasOpenQuestion: () => session.hasOpenQuestion(),
        answer: (q, a) => session.answer(q, a),
        stepMs: (speed) => {
          const { effects, narration } = session.store.getState();
          return readableStepMs({ effects, narration, speed, reducedMotion: reducedMotion() });
        },
      },
      speed: prefs.speed,
      pauseAfterStep: prefs.pauseAfterStep,
    },
  }).start();
  // The speed and the pause-after-each-step choice are remembered for the next visit.
  let saved = prefs;
  const prefsWatch = playback.subscribe(({ context: { speed, pauseAfterStep } }) => {
    if (speed === saved.speed && pauseAfterStep === saved.pauseAfterStep) return;
    saved = { speed, pauseAfterStep };
    savePlaybackPrefs(saved);
  });

  // The URL follows the step without adding a history entry per step.
  const syncUrl = (step: number) => {
    if (options.memoryOnly) return; // A shared link keeps its own address.
    const hash = branch
      ? formatRoute({ page: 'run', runId, step })
      : formatRoute({ page: 'scenario', scenarioId: scenario.id, step });
    if (window.location.hash !== hash) window.history.replaceState(null, '', hash);
  };
  syncUrl(session.store.getState().step);
  const unsubscribe = session.store.subscribe((s, prev) => {
    if (s.step !== prev.step) syncUrl(s.step);
    // The question playback waits on was answered in another tab: it no longer waits.
    if (s.answers !== prev.answers && playback.getSnapshot().matches('asking') && !session.hasOpenQuestion())
      playback.send({ type: 'SKIP' });
  });

  return {
    session,
    playback,
    kind: branch ? 'branch' : 'main',
    dispose() {
      unsubscribe();
      prefsWatch.unsubscribe();
      playback.stop();
      session.close();
      void session.settled().finally(() => {
        channel?.close();
        port?.close();
      });
    },
  };
}
