/**
 * Thin React bindings: the current run's store and playback actor come from context, and
 * components select narrow slices of them.
 */
import { createContext, createElement, useContext, useMemo, type ReactNode } from 'react';
import type { LearnerInput } from '../engine/types';
import type { ScenarioDef } from '../scenarios/schema';
import { useStore } from 'zustand';
import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { playbackMachine, PlaybackMode } from './playbackMachine';
import type { RunState, RunStore } from './runStore';

export type PlaybackActor = ActorRefFrom<typeof playbackMachine>;

/** A branch of the current scenario, as the player lists it. */
export interface BranchLink {
  runId: string;
  title: string;
  href: string;
  current: boolean;
}

/** What the app lets the player do beyond playback (branching), and what it shows around it. */
export interface RunChrome {
  /** Starts a branch with this learner action at the current step. */
  branch(input: LearnerInput): void;
  /** Records an answer outside the playback flow (practice mode). */
  answer(questionId: string, answer: string | string[]): void;
  branches: readonly BranchLink[];
  /** For a branch: where it came from. */
  parent: { href: string; title: string } | null;
  /** Set while a branch is being created, or when creating one failed. */
  branchStatus: { busy: boolean; error: string | null };
  /** Turns the run into a scenario of the learner's own: its steps up to the current one, or all of them. */
  fork(scope?: 'up-to-here' | 'whole'): void;
  /** For a practice exercise: starts the learner's own design from a blank scenario carrying the exercise's question. */
  designOwn(): void;
  /** Downloads the scenario as a JSON file (or an AsyncAPI document). */
  exportFile(format: 'scenario' | 'asyncapi'): void;
  /** Builds a share link; resolves to the URL, or to a message when it cannot be shared as a link. */
  shareLink(): Promise<{ ok: true; url: string } | { ok: false; message: string }>;
  /** The scenario is the learner's own (editable); a shared one is read-only until forked. */
  ownership: 'builtin' | 'saved' | 'shared';
  /** Replaces a saved scenario with an edited version (already validated). */
  saveEdited(json: string): Promise<{ ok: true } | { ok: false; message: string }>;
  /** A message from the last fork/export/share action. */
  notice: string | null;
  /** Starts a damaged run again from what can still be read (the storage panel's action). */
  restartRun(): void;
  /**
   * Opens a graded run of a design (the practice's "Grade my design"): the design saved as a scenario of
   * the learner's own, titled `title`, its faults replayed as a branch, at `step`. Absent where not wired.
   */
  openDesignRun?(design: ScenarioDef, inputs: readonly LearnerInput[], step: number, title: string): Promise<void>;
}

interface RunContextValue {
  store: RunStore;
  playback: PlaybackActor;
  chrome: RunChrome;
}

/** For a player without branching (read-only views, tests). */
export const NO_CHROME: RunChrome = {
  branch: () => undefined,
  answer: () => undefined,
  branches: [],
  parent: null,
  branchStatus: { busy: false, error: null },
  fork: () => undefined,
  designOwn: () => undefined,
  exportFile: () => undefined,
  shareLink: async () => ({ ok: false, message: 'Sharing is not available here.' }),
  ownership: 'builtin',
  saveEdited: async () => ({ ok: false, message: 'Editing is not available here.' }),
  notice: null,
  restartRun: () => undefined,
};

const RunContext = createContext<RunContextValue | null>(null);

export function RunProvider({
  store,
  playback,
  chrome = NO_CHROME,
  children,
}: Omit<RunContextValue, 'chrome'> & { chrome?: RunChrome; children: ReactNode }) {
  const value = useMemo(() => ({ store, playback, chrome }), [store, playback, chrome]);
  return createElement(RunContext.Provider, { value }, children);
}

function useRunContext(): RunContextValue {
  const ctx = useContext(RunContext);
  if (!ctx) throw new Error('useRun must be used inside <RunProvider>');
  return ctx;
}

/** Select a slice of the current run. Return primitives or stable references. */
export function useRun<T>(selector: (state: RunState) => T): T {
  return useStore(useRunContext().store, selector);
}

/** The current run's store itself, for code that must hear every change as it happens (the stage clock). */
export const useRunStore = (): RunStore => useRunContext().store;

export const usePlaybackActor = (): PlaybackActor => useRunContext().playback;

export const useRunChrome = (): RunChrome => useRunContext().chrome;

/** The playback mode as a plain string. */
export function usePlaybackMode(): PlaybackMode {
  const actor = usePlaybackActor();
  return useSelector(actor, (s) => (typeof s.value === 'string' ? s.value : 'playing') as PlaybackMode);
}

export const usePlaybackSpeed = (): number => useSelector(usePlaybackActor(), (s) => s.context.speed);
