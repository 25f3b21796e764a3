/** Runs a script of EventBridge requests through `apply`, each on a frozen state (tests only). */
import { pure } from '../sqs/testing';
import { createEventBridge } from './admin';
import { apply, type EbRequest } from './apply';
import type { EbEffect, EbState } from './types';

export type Step = readonly [request: EbRequest, now: number];

export function run(
  steps: readonly Step[],
  start: EbState = createEventBridge({ quirks: null }),
): { state: EbState; effects: EbEffect[] } {
  let state = start;
  const effects: EbEffect[] = [];
  for (const [request, now] of steps) {
    const step = pure(state, (s) => apply(s, request, now));
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

export const delivered = (effects: readonly EbEffect[]) =>
  effects.flatMap((e) => (e.kind === 'eventbridge-delivered' ? [e] : []));

export const S = 1000;
