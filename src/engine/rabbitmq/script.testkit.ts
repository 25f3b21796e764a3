/** Test support: runs requests through `apply` on a deep-frozen state and checks no input was changed. */
import { deepFreeze } from '../broker/testing';
import { apply } from './apply';
import type { RabbitEffect } from './effects';
import { createRabbit, type RabbitConfig, type RabbitState } from './rabbitState';
import type { RabbitRequest } from './requests';

export type Timed = RabbitRequest | { at: number };

export interface Run {
  state: RabbitState;
  effects: RabbitEffect[];
  now: number;
}

/** Applies each request at the current time; `{ at }` moves the clock (and lets due expiries happen). */
export function run(steps: readonly Timed[], from: Run | Partial<RabbitConfig> = {}): Run {
  let r: Run = 'state' in from ? { ...from, effects: [] } : { state: createRabbit(from), effects: [], now: 0 };
  for (const step of steps) {
    const request: RabbitRequest = 'at' in step ? { kind: 'advance' } : step;
    const now = 'at' in step ? step.at : r.now;
    const before = JSON.stringify(r.state);
    const out = apply(deepFreeze(r.state), request, now);
    if (JSON.stringify(r.state) !== before) throw new Error(`${request.kind} changed its input state`);
    r = { state: out.state, effects: [...r.effects, ...out.effects], now };
  }
  return r;
}

export const only = <K extends RabbitEffect['kind']>(effects: readonly RabbitEffect[], kind: K) =>
  effects.filter((e): e is Extract<RabbitEffect, { kind: K }> => e.kind === kind);

/** "body@consumer" for every delivery, '*' marking redelivered. */
export const deliveries = (effects: readonly RabbitEffect[]) =>
  only(effects, 'rabbitmq-delivered').map((d) => `${d.body}${d.redelivered ? '*' : ''}@${d.consumerTag ?? 'get'}`);

export const pub = (queue: string, ...bodies: string[]): RabbitRequest[] =>
  bodies.map((body) => ({ kind: 'publish', exchange: '', routingKey: queue, body }));

export const consumerOn = (channel: string, queue: string, tag: string, prefetch = 0): RabbitRequest[] => [
  { kind: 'open-channel', channel },
  { kind: 'qos', channel, prefetch },
  { kind: 'consume', channel, queue, consumerTag: tag },
];

/** The delivery tag the channel holds for `body` (the latest one). */
export function tagOf(r: Run, channel: string, body: string): number {
  const u = [...(r.state.channels[channel]?.unacked ?? [])].reverse().find((x) => x.entry.message.body === body);
  if (!u) throw new Error(`${channel} holds no '${body}'`);
  return u.deliveryTag;
}
