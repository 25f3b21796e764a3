import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NatsRequest } from './apply';
import { apply } from './apply';
import { createNats, type NatsState } from './natsState';

type Op =
  | { op: 'pub' }
  | { op: 'fetch'; batch: number }
  | { op: 'settle'; pick: number; how: 'ack' | 'nak' | 'term' | 'in-progress' }
  | { op: 'wait'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.constant<Op>({ op: 'pub' }),
  fc.integer({ min: 1, max: 4 }).map<Op>((batch) => ({ op: 'fetch', batch })),
  fc
    .record({
      pick: fc.nat(20),
      how: fc.constantFrom('ack' as const, 'nak' as const, 'term' as const, 'in-progress' as const),
    })
    .map<Op>((r) => ({ op: 'settle', ...r })),
  fc.integer({ min: 100, max: 1500 }).map<Op>((ms) => ({ op: 'wait', ms })),
);

// A reference model of a work-queue stream: every stored message is either still in the stream or was
// removed because it was acked or terminated — never lost, never both; and every pending ack is a stored message.
describe('NATS work queue (property)', () => {
  it('no message is lost or settled twice', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), fc.integer({ min: 1, max: 3 }), (ops, maxDeliver) => {
        const setup: NatsRequest[] = [
          { kind: 'connect', client: 'p' },
          { kind: 'add-stream', name: 'W', subjects: ['w'], retention: 'workqueue' },
          { kind: 'add-consumer', stream: 'W', name: 'c', ackPolicy: 'explicit', ackWaitMs: 1000, maxDeliver },
        ];
        let state: NatsState = createNats();
        let now = 0;
        const replies: string[] = [];
        const stored = new Set<number>();
        const settled = new Set<number>();
        const step = (req: NatsRequest) => {
          const r = apply(state, req, now);
          state = r.state;
          for (const e of r.effects) {
            if (e.kind === 'nats-stored') stored.add(e.seq);
            if (e.kind === 'nats-js-delivered') replies.push(e.ackReply);
            if (e.kind === 'nats-removed') {
              expect(settled.has(e.seq)).toBe(false);
              settled.add(e.seq);
            }
          }
        };
        setup.forEach(step);
        for (const o of ops) {
          if (o.op === 'pub') step({ kind: 'publish', client: 'p', subject: 'w', data: 'x', ack: true });
          else if (o.op === 'fetch') step({ kind: 'fetch', stream: 'W', consumer: 'c', batch: o.batch });
          else if (o.op === 'wait') now += o.ms;
          else if (replies.length > 0) step({ kind: 'ack', ackReply: replies[o.pick % replies.length]!, type: o.how });
        }
        const inStream = new Set(state.streams['W']!.messages.map((m) => m.seq));
        for (const seq of stored) expect(inStream.has(seq) !== settled.has(seq)).toBe(true);
        for (const seq of Object.keys(state.streams['W']!.consumers['c']!.pending))
          expect(inStream.has(Number(seq))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
