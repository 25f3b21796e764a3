/** Runs a script of SQS/SNS requests through `apply`, each on a frozen state (tests only). */
import { apply, type SqsRequest } from './apply';
import { createSqs } from './queue';
import { pure } from './testing';
import type { Quirks, SqsEffect, SqsState } from './types';

export type Step = readonly [request: SqsRequest, now: number];

export function run(
  steps: readonly Step[],
  start: SqsState = createSqs({ quirks: null }),
): { state: SqsState; effects: SqsEffect[] } {
  let state = start;
  const effects: SqsEffect[] = [];
  for (const [request, now] of steps) {
    const step = pure(state, (s) => apply(s, request, now));
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

export const tidy = (seed = 1, quirks: Quirks | null = null) => createSqs({ seed, quirks });

/** The message ids a consumer received, in order. */
export const received = (effects: readonly SqsEffect[], consumer?: string) =>
  effects.flatMap((e) => (e.kind === 'sqs-received' && (!consumer || e.consumer === consumer) ? [e.delivery] : []));

export const S = 1000;
