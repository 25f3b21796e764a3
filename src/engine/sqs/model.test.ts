/**
 * Property tests over random scripts (quirks on, random seeds): SQS never loses or doubles a message, and
 * a FIFO group is delivered in send order.
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/standard-queues-at-least-once-delivery.html
 * https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/FIFO-queues-understanding-logic.html
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply, type SqsRequest } from './apply';
import { DEFAULT_QUIRKS } from './constants';
import { createSqs } from './queue';
import type { SqsEffect, SqsState } from './types';

const SEC = 1000;
const queues = ['q', 'f.fifo'] as const;

const opArb = fc.oneof(
  fc.record({ op: fc.constant('send' as const), q: fc.constantFrom(...queues), group: fc.constantFrom('A', 'B') }),
  fc.record({
    op: fc.constant('receive' as const),
    q: fc.constantFrom(...queues, 'dlq', 'fdlq.fifo'),
    max: fc.integer({ min: 1, max: 10 }),
    wait: fc.constantFrom(0, 5 * SEC),
    vis: fc.constantFrom(0, 3 * SEC, 30 * SEC),
  }),
  fc.record({ op: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('change' as const), pick: fc.nat(), vis: fc.constantFrom(0, 10 * SEC) }),
  fc.record({ op: fc.constant('wait' as const), dt: fc.constantFrom(1 * SEC, 10 * SEC, 60 * SEC, 3600 * SEC) }),
);

type Op = typeof opArb extends fc.Arbitrary<infer T> ? T : never;

function setup(seed: number): SqsState {
  let s = createSqs({ seed, quirks: DEFAULT_QUIRKS });
  const reqs: SqsRequest[] = [
    { kind: 'create-queue', name: 'dlq', retentionMs: 7200 * SEC },
    { kind: 'create-queue', name: 'fdlq.fifo' },
    {
      kind: 'create-queue',
      name: 'q',
      retentionMs: 3600 * SEC,
      redrive: { deadLetterQueue: 'dlq', maxReceiveCount: 2 },
    },
    { kind: 'create-queue', name: 'f.fifo', redrive: { deadLetterQueue: 'fdlq.fifo', maxReceiveCount: 3 } },
  ];
  for (const r of reqs) s = apply(s, r, 0).state;
  return s;
}

function play(seed: number, ops: readonly Op[]): { state: SqsState; effects: SqsEffect[] } {
  let s = setup(seed);
  let now = 0;
  let n = 0;
  const effects: SqsEffect[] = [];
  const handles: { queue: string; handle: string }[] = [];
  for (const o of ops) {
    let r: SqsRequest;
    if (o.op === 'send')
      r = {
        kind: 'send',
        queue: o.q,
        body: `b${n++}`,
        ...(o.q.endsWith('.fifo') ? { groupId: o.group, dedupId: `d${n}` } : {}),
      };
    else if (o.op === 'receive')
      r = { kind: 'receive', queue: o.q, consumer: 'c', max: o.max, waitMs: o.wait, visibilityTimeoutMs: o.vis };
    else if (o.op === 'wait') {
      now += o.dt;
      r = { kind: 'advance' };
    } else {
      const h = handles[o.pick % Math.max(handles.length, 1)];
      if (!h) continue;
      r =
        o.op === 'delete'
          ? { kind: 'delete', queue: h.queue, receiptHandle: h.handle }
          : { kind: 'change-visibility', queue: h.queue, receiptHandle: h.handle, visibilityTimeoutMs: o.vis };
    }
    const step = apply(s, r, now);
    s = step.state;
    for (const e of step.effects)
      if (e.kind === 'sqs-received') handles.push({ queue: e.queue, handle: e.delivery.receiptHandle });
    effects.push(...step.effects);
  }
  return { state: s, effects };
}

describe('SQS model properties', () => {
  it('every sent message is deleted, expired, or in exactly one queue (waiting, delayed, in flight or dead-lettered) — never lost, never in two places', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(opArb, { minLength: 20, maxLength: 80 }),
        (seed, ops) => {
          const { state, effects } = play(seed, ops);
          for (const e of effects) seen.add(e.kind);
          const sent = effects.flatMap((e) => (e.kind === 'sqs-sent' ? [e.messageId] : []));
          const gone = effects.flatMap((e) =>
            e.kind === 'sqs-deleted' || e.kind === 'sqs-expired' ? [e.messageId] : [],
          );
          const held = Object.values(state.queues).flatMap((q) => q.messages.map((m) => m.messageId));
          for (const id of sent)
            expect(gone.filter((x) => x === id).length + held.filter((x) => x === id).length).toBe(1);
          expect(new Set(sent).size).toBe(sent.length);
        },
      ),
      // a fixed seed: the scripts below must reach every fate checked after the run, every time
      { seed: 1, numRuns: 150 },
    );
    // the scripts reach every fate a message can have
    for (const k of ['sqs-deleted', 'sqs-expired', 'sqs-dead-lettered', 'sqs-duplicate-kept', 'sqs-visibility-expired'])
      expect(seen).toContain(k);
  });

  it('within a FIFO group, first deliveries follow send order', () => {
    // A batch may hold several messages of one group; if none is deleted they all come back, the first
    // first again — so a later message's redelivery can follow an earlier one's. What never happens is a
    // message received for the first time before an earlier message of its group.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(opArb, { minLength: 20, maxLength: 80 }),
        (seed, ops) => {
          const { effects } = play(seed, ops);
          const last = new Map<string, number>();
          for (const e of effects) {
            if (e.kind !== 'sqs-received' || e.queue !== 'f.fifo') continue;
            const g = e.delivery.groupId!;
            if (e.delivery.receiveCount === 1) {
              expect(e.delivery.seq).toBeGreaterThan(last.get(g) ?? -1);
              last.set(g, e.delivery.seq);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
