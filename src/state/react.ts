/**
 * Thin React bindings: the current run's store and playback actor come from context, and
 * components select narrow slices of them.
 */
import { createContext, createElement, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { playbackMachine, PlaybackMode } from './playbackMachine';
import type { RunState, RunStore } from './runStore';

export type PlaybackActor = ActorRefFrom<typeof playbackMachine>;

interface RunContextValue {
  store: RunStore;
  playback: PlaybackActor;
}

const RunContext = createContext<RunContextValue | null>(null);

export function RunProvider({ store, playback, children }: RunContextValue & { children: ReactNode }) {
  return createElement(RunContext.Provider, { value: { store, playback } }, children);
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

export const usePlaybackActor = (): PlaybackActor => useRunContext().playback;

/** The playback mode as a plain string. */
export function usePlaybackMode(): PlaybackMode {
  const actor = usePlaybackActor();
  return useSelector(actor, (s) => (typeof s.value === 'string' ? s.value : 'playing') as PlaybackMode);
}

export const usePlaybackSpeed = (): number => useSelector(usePlaybackActor(), (s) => s.context.speed);
