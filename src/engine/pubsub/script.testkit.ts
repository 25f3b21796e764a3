/** Runs a script of Pub/Sub requests through `apply`, each on a frozen state (tests only). */
import { pure } from '../sqs/testing';
import { createPubsub } from './admin';
import { apply, type PubsubRequest } from './apply';
import type { PubsubEffect, PubsubState } from './types';

export type Step = readonly [request: PubsubRequest, now: number];

export function run(
  steps: readonly Step[],
  start: PubsubState = createPubsub(),
): { state: PubsubState; effects: PubsubEffect[] } {
  let state = start;
  const effects: PubsubEffect[] = [];
  for (const [request, now] of steps) {
    const step = pure(state, (s) => apply(s, request, now));
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

/** Deliveries as `messageId#attempt`, in order. */
export const deliveries = (effects: readonly PubsubEffect[], subscription?: string) =>
  effects.flatMap((e) =>
    e.kind === 'pubsub-delivered' && (!subscription || e.subscription === subscription) ? [e] : [],
  );

export const S = 1000;
