/**
 * Playback modes as an XState machine: idle (at the start), paused, stepping (a step being
 * computed and stored), playing (stepping on a timer), held (Play stopped after a step because the
 * learner asked it to pause after each one), asking (a question waits), finished (at the last step).
 * The run store owns the data; this machine owns the modes and asks the store to move.
 */
import { assign, fromPromise, setup } from 'xstate';

export interface PlaybackTarget {
  step(): number;
  lastStep(): number;
  /** Moves the run to a step; resolves once the move is stored. */
  goTo(step: number): Promise<void>;
  /** The current step asks a question not yet answered. */
  hasOpenQuestion(): boolean;
  answer(questionId: string, answer: string | string[]): Promise<void>;
  /**
   * How long Play holds the current step at a speed: its readable duration (its stages and its
   * text, `state/pacing.ts`). Asked each time a step arrives, so it fits that step's content.
   */
  stepMs(speed: number): number;
}

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;
export type Speed = (typeof SPEEDS)[number];

export type PlaybackEvent =
  | { type: 'PLAY' }
  | { type: 'PAUSE' }
  | { type: 'STEP_FORWARD' }
  | { type: 'STEP_BACK' }
  | { type: 'RESTART' }
  | { type: 'SEEK'; step: number }
  | { type: 'SET_SPEED'; speed: number }
  /** Play stops after each step until the learner continues (instead of moving on once it is read). */
  | { type: 'SET_PAUSE_AFTER_STEP'; on: boolean }
  | { type: 'ANSWER'; questionId: string; answer: string | string[] }
  | { type: 'SKIP' };

interface Context {
  target: PlaybackTarget;
  speed: number;
  pauseAfterStep: boolean;
}

const move = fromPromise<void, { target: PlaybackTarget; to: number }>(({ input }) => input.target.goTo(input.to));

export const playbackMachine = setup({
  types: {
    context: {} as Context,
    events: {} as PlaybackEvent,
    input: {} as { target: PlaybackTarget; speed?: number; pauseAfterStep?: boolean },
  },
  actors: { move },
  guards: {
    atEnd: ({ context }) => context.target.step() >= context.target.lastStep(),
    notAtEnd: ({ context }) => context.target.step() < context.target.lastStep(),
    notAtStart: ({ context }) => context.target.step() > 0,
    asks: ({ context }) => context.target.hasOpenQuestion(),
    holds: ({ context }) => context.pauseAfterStep,
    validSeek: ({ context, event }) =>
      event.type === 'SEEK' && event.step >= 0 && event.step <= context.target.lastStep(),
  },
  actions: {
    setSpeed: assign({
      speed: ({ event, context }) => (event.type === 'SET_SPEED' && event.speed > 0 ? event.speed : context.speed),
    }),
    setPauseAfterStep: assign({
      pauseAfterStep: ({ event, context }) =>
        event.type === 'SET_PAUSE_AFTER_STEP' ? event.on : context.pauseAfterStep,
    }),
    back: ({ context }) => void context.target.goTo(context.target.step() - 1),
    restart: ({ context }) => void context.target.goTo(0),
    answer: ({ context, event }) => {
      if (event.type === 'ANSWER') void context.target.answer(event.questionId, event.answer);
    },
    seek: ({ context, event }) => {
      if (event.type === 'SEEK') void context.target.goTo(event.step);
    },
  },
  delays: {
    tick: ({ context }) => context.target.stepMs(context.speed),
  },
}).createMachine({
  id: 'playback',
  context: ({ input }) => ({
    target: input.target,
    speed: input.speed ?? 1,
    pauseAfterStep: input.pauseAfterStep ?? false,
  }),
  initial: 'resting',
  // A question on screen always accepts an answer, however the learner got to it (the timeline, a
  // reload, a link, Step back): only the 'asking' mode also resumes control (its own ANSWER below).
  on: {
    SET_SPEED: { actions: 'setSpeed' },
    SET_PAUSE_AFTER_STEP: { actions: 'setPauseAfterStep' },
    ANSWER: { actions: 'answer' },
  },
  states: {
    // Resolves which resting mode fits the current step (the run may open mid-way or at the end).
    resting: {
      always: [{ guard: 'atEnd', target: 'finished' }, { guard: 'notAtStart', target: 'paused' }, { target: 'idle' }],
    },
    idle: {
      on: {
        PLAY: { guard: 'notAtEnd', target: 'playing' },
        STEP_FORWARD: { guard: 'notAtEnd', target: 'stepping' },
        SEEK: { guard: 'validSeek', actions: 'seek', target: 'resting' },
      },
    },
    paused: {
      on: {
        PLAY: { guard: 'notAtEnd', target: 'playing' },
        STEP_FORWARD: { guard: 'notAtEnd', target: 'stepping' },
        STEP_BACK: { guard: 'notAtStart', actions: 'back', target: 'resting' },
        RESTART: { actions: 'restart', target: 'resting' },
        SEEK: { guard: 'validSeek', actions: 'seek', target: 'resting' },
      },
    },
    stepping: {
      invoke: {
        src: 'move',
        input: ({ context }) => ({ target: context.target, to: context.target.step() + 1 }),
        onDone: [{ guard: 'asks', target: 'asking' }, { target: 'resting' }],
        onError: { target: 'resting' },
      },
    },
    // A question pauses playback until the learner answers or skips it.
    asking: {
      on: {
        ANSWER: { actions: 'answer', target: 'resting' },
        SKIP: { target: 'resting' },
        STEP_BACK: { guard: 'notAtStart', actions: 'back', target: 'resting' },
        RESTART: { actions: 'restart', target: 'resting' },
        SEEK: { guard: 'validSeek', actions: 'seek', target: 'resting' },
      },
    },
    playing: {
      initial: 'advancing',
      on: {
        PAUSE: { target: 'paused' },
        STEP_BACK: { guard: 'notAtStart', actions: 'back', target: 'resting' },
        RESTART: { actions: 'restart', target: 'resting' },
        SEEK: { guard: 'validSeek', actions: 'seek', target: 'resting' },
      },
      states: {
        advancing: {
          invoke: {
            src: 'move',
            input: ({ context }) => ({ target: context.target, to: context.target.step() + 1 }),
            onDone: [
              { guard: 'asks', target: '#playback.asking' },
              { guard: 'atEnd', target: '#playback.finished' },
              { guard: 'holds', target: '#playback.held' },
              { target: 'waiting' },
            ],
            onError: { target: '#playback.paused' },
          },
        },
        waiting: {
          after: { tick: { target: 'advancing' } },
        },
      },
    },
    // Play stopped after a step (pause after each step): PLAY continues with the next one.
    held: {
      on: {
        PLAY: { guard: 'notAtEnd', target: 'playing' },
        STEP_FORWARD: { guard: 'notAtEnd', target: 'stepping' },
        STEP_BACK: { guard: 'notAtStart', actions: 'back', target: 'resting' },
        RESTART: { actions: 'restart', target: 'resting' },
        SEEK: { guard: 'validSeek', actions: 'seek', target: 'resting' },
      },
    },
    finished: {
      on: {
        PLAY: { actions: 'restart', target: 'playing' },
        STEP_BACK: { guard: 'notAtStart', actions: 'back', target: 'resting' },
        RESTART: { actions: 'restart', target: 'resting' },
        SEEK: { guard: 'validSeek', actions: 'seek', target: 'resting' },
      },
    },
  },
});

export type PlaybackMode = 'idle' | 'paused' | 'stepping' | 'playing' | 'held' | 'asking' | 'finished';
