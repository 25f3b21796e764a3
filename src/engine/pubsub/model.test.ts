/**
 * Property tests over random scripts on an ordered subscription with a dead-letter topic: per ordering
 * key, messages are first delivered in publish order and a pull's batch keeps that order; and no message
 * is lost — each is still held, acknowledged, dead-lettered or expired.
 * https://cloud.google.com/pubsub/docs/ordering
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPubsub } from './admin';
import { apply, type PubsubRequest } from './apply';
import type { PubsubEffect, PubsubState } from './types';

const SEC = 1000;
const opArb = fc.oneof(
  fc.record({ op: fc.constant('publish' as const), key: fc.constantFrom('k1', 'k2', null), fail: fc.boolean() }),
  fc.record({ op: fc.constant('resume' as const), key: fc.constantFrom('k1', 'k2') }),
  fc.record({ op: fc.constant('pull' as const), max: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ op: fc.constant('ack' as const), pick: fc.nat(), lost: fc.boolean() }),
  fc.record({ op: fc.constant('nack' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('wait' as const), dt: fc.constantFrom(1 * SEC, 11 * SEC, 3600 * SEC) }),
);
type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

type SubscriberOp =
  { op: 'pull'; max: number } | { op: 'ack'; pick: number; lost: boolean } | { op: 'nack'; pick: number };

/** A subscriber's op as a request: a pull, or an ack or nack of one of the ack ids received so far (null before any). */
function subscriberRequest(o: SubscriberOp, subscription: string, ackIds: readonly string[]): PubsubRequest | null {
  if (o.op === 'pull') return { kind: 'pull', subscription, consumer: 'c', max: o.max };
  const ackId = ackIds[o.pick % Math.max(ackIds.length, 1)];
  if (!ackId) return null;
  return o.op === 'ack' ? { kind: 'ack', subscription, ackId, lost: o.lost } : { kind: 'nack', subscription, ackId };
}

function play(ops: readonly Op[]): { state: PubsubState; effects: PubsubEffect[]; steps: PubsubEffect[][] } {
  let s = createPubsub();
  const setup: PubsubRequest[] = [
    { kind: 'create-topic', name: 't' },
    { kind: 'create-topic', name: 'dlt' },
    {
      kind: 'create-subscription',
      name: 'ord',
      topic: 't',
      ordering: true,
      retentionMs: 7200 * SEC,
      deadLetter: { topic: 'dlt' },
    },
  ];
  for (const r of setup) s = apply(s, r, 0).state;
  let now = 0;
  let n = 0;
  const ackIds: string[] = [];
  const effects: PubsubEffect[] = [];
  const steps: PubsubEffect[][] = [];
  for (const o of ops) {
    let r: PubsubRequest;
    if (o.op === 'publish')
      r = {
        kind: 'publish',
        topic: 't',
        data: `d${n++}`,
        fail: o.fail && o.key !== null,
        ...(o.key ? { orderingKey: o.key } : {}),
      };
    else if (o.op === 'resume') r = { kind: 'resume-publish', orderingKey: o.key };
    else if (o.op === 'wait') {
      now += o.dt;
      r = { kind: 'advance' };
    } else {
      const taken = subscriberRequest(o, 'ord', ackIds);
      if (!taken) continue;
      r = taken;
    }
    const step = apply(s, r, now);
    s = step.state;
    for (const e of step.effects) if (e.kind === 'pubsub-delivered') ackIds.push(e.ackId);
    effects.push(...step.effects);
    steps.push(step.effects);
  }
  return { state: s, effects, steps };
}

const scripts = fc.array(opArb, { minLength: 20, maxLength: 80 });

describe('Pub/Sub model properties', () => {
  it('per ordering key: first deliveries in publish order, and each batch in publish order', () => {
    fc.assert(
      fc.property(scripts, (ops) => {
        const { steps } = play(ops);
        const first = new Map<string, number>();
        for (const stepEffects of steps) {
          const batch = new Map<string, number>();
          for (const e of stepEffects) {
            if (e.kind !== 'pubsub-delivered' || e.orderingKey === null) continue;
            const id = Number(e.messageId);
            expect(id).toBeGreaterThan(batch.get(e.orderingKey) ?? 0);
            batch.set(e.orderingKey, id);
            if (e.deliveryAttempt === 1) {
              expect(id).toBeGreaterThan(first.get(e.orderingKey) ?? 0);
              first.set(e.orderingKey, id);
            }
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('every published message is still held once, or was acknowledged, dead-lettered or expired', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(scripts, (ops) => {
        const { state, effects } = play(ops);
        for (const e of effects) seen.add(e.kind);
        const done = new Set(
          effects.flatMap((e) =>
            (e.kind === 'pubsub-acked' || e.kind === 'pubsub-dead-lettered' || e.kind === 'pubsub-expired') &&
            e.subscription === 'ord'
              ? [e.messageId]
              : [],
          ),
        );
        const held = state.subscriptions.ord!.held.map((h) => h.msg.messageId);
        expect(new Set(held).size).toBe(held.length);
        for (const e of effects)
          if (e.kind === 'pubsub-published' && e.topic === 't')
            expect(held.includes(e.messageId) || done.has(e.messageId)).toBe(true);
      }),
      // a fixed seed: the scripts below must reach every fate checked after the run, every time
      { seed: 1, numRuns: 150 },
    );
    for (const k of ['pubsub-dead-lettered', 'pubsub-redelivery-forced', 'pubsub-deadline-expired', 'pubsub-ack-lost'])
      expect(seen).toContain(k);
  });

  it('exactly-once: a message whose ack succeeded is never delivered again, and none is delivered twice while outstanding', () => {
    const eodOps = fc.array(
      fc.oneof(
        fc.record({ op: fc.constant('publish' as const) }),
        fc.record({ op: fc.constant('pull' as const), max: fc.integer({ min: 1, max: 5 }) }),
        fc.record({ op: fc.constant('ack' as const), pick: fc.nat(), lost: fc.boolean() }),
        fc.record({ op: fc.constant('nack' as const), pick: fc.nat() }),
        fc.record({ op: fc.constant('wait' as const), dt: fc.constantFrom(1 * SEC, 5 * SEC, 11 * SEC) }),
      ),
      { minLength: 20, maxLength: 80 },
    );
    fc.assert(
      fc.property(eodOps, (ops) => {
        let s = createPubsub();
        for (const r of [
          { kind: 'create-topic', name: 't' },
          { kind: 'create-subscription', name: 'eod', topic: 't', exactlyOnce: true },
        ] as PubsubRequest[])
          s = apply(s, r, 0).state;
        let now = 0;
        const ackIds: string[] = [];
        const acked = new Set<string>();
        const outstandingUntil = new Map<string, number>();
        for (const o of ops) {
          let r: PubsubRequest;
          if (o.op === 'publish') r = { kind: 'publish', topic: 't', data: 'x' };
          else if (o.op === 'wait') {
            now += o.dt;
            r = { kind: 'advance' };
          } else {
            const taken = subscriberRequest(o, 'eod', ackIds);
            if (!taken) continue;
            r = taken;
          }
          const step = apply(s, r, now);
          s = step.state;
          for (const e of step.effects) {
            if (e.kind === 'pubsub-delivered') {
              expect(acked.has(e.messageId)).toBe(false);
              expect(
                now >= (outstandingUntil.get(e.messageId) ?? 0) ||
                  step.effects.some((x) => x.kind === 'pubsub-nacked' && x.messageId === e.messageId),
              ).toBe(true);
              outstandingUntil.set(e.messageId, now + 10 * SEC);
              ackIds.push(e.ackId);
            }
            if (e.kind === 'pubsub-acked') acked.add(e.messageId);
            if (e.kind === 'pubsub-nacked') outstandingUntil.delete(e.messageId);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
