/** Test support for the NATS profile: run a script of requests through `apply` on deep-frozen states. */
import { deepFreeze } from '../broker/testing';
import { apply, type NatsRequest } from './apply';
import type { NatsEffect } from './effects';
import { createNats, type NatsState } from './natsState';

export interface Timed {
  at: number;
  req: NatsRequest;
}

/** Applies each request at its time; throws if any operation changed its input state. */
export function run(
  script: readonly (Timed | NatsRequest)[],
  start: NatsState = createNats(),
): { state: NatsState; effects: NatsEffect[] } {
  let state = start;
  const effects: NatsEffect[] = [];
  let now = 0;
  for (const item of script) {
    const { at, req } = 'req' in item ? item : { at: now, req: item };
    now = at;
    const before = JSON.stringify(state);
    const step = apply(deepFreeze(state), req, now);
    if (JSON.stringify(state) !== before) throw new Error(`${req.kind} changed its input state`);
    state = step.state;
    effects.push(...step.effects);
  }
  return { state, effects };
}

export function only<K extends NatsEffect['kind']>(
  effects: readonly NatsEffect[],
  kind: K,
): Extract<NatsEffect, { kind: K }>[] {
  return effects.filter((e): e is Extract<NatsEffect, { kind: K }> => e.kind === kind);
}

/** Deliveries to a consumer as `seq/deliveryCount` strings, in order. */
export const deliveries = (effects: readonly NatsEffect[], consumer?: string): string[] =>
  only(effects, 'nats-js-delivered')
    .filter((d) => consumer === undefined || d.consumer === consumer)
    .map((d) => `${d.seq}/${d.deliveryCount}`);

/** The ack reply of the last delivery of `seq` to `consumer`. */
export function replyOf(effects: readonly NatsEffect[], consumer: string, seq: number): string {
  const d = only(effects, 'nats-js-delivered')
    .filter((e) => e.consumer === consumer && e.seq === seq)
    .pop();
  if (!d) throw new Error(`seq ${seq} was never delivered to ${consumer}`);
  return d.ackReply;
}
