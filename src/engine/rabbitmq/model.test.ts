/**
 * Property: whatever consumers do — ack, nack, reject, crash — and however time passes, every message
 * routed to the work queue is in exactly one place: still ready, held unacknowledged by one channel,
 * acknowledged, or gone for a reason (dead-lettered or dropped). Never lost, never in two places.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apply } from './apply';
import type { RabbitEffect } from './effects';
import { createRabbit, type RabbitState } from './rabbitState';
import type { RabbitRequest } from './requests';

type Op =
  | { op: 'publish' }
  | { op: 'settle'; channel: number; pick: number; how: 'ack' | 'nack' | 'nack-drop' | 'reject-drop' }
  | { op: 'crash'; channel: number }
  | { op: 'wait'; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.constant({ op: 'publish' as const }) },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('settle' as const),
      channel: fc.nat(1),
      pick: fc.nat(5),
      how: fc.constantFrom('ack' as const, 'nack' as const, 'nack-drop' as const, 'reject-drop' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('crash' as const), channel: fc.nat(1) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wait' as const), ms: fc.integer({ min: 1, max: 400 }) }) },
);

const setupArb = fc.record({
  type: fc.constantFrom('classic' as const, 'quorum' as const),
  ttl: fc.option(fc.integer({ min: 50, max: 500 }), { nil: undefined }),
  maxLength: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
  deliveryLimit: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  prefetch: fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 0, max: 3 })),
});

describe('conservation of messages (model check)', () => {
  it('every message routed to the work queue is ready, held once, acked, or gone — never lost, never twice', () => {
    fc.assert(
      fc.property(setupArb, fc.array(opArb, { maxLength: 40 }), (setup, ops) => {
        const args: Record<string, unknown> = { 'x-dead-letter-exchange': 'dlx' };
        if (setup.ttl !== undefined) args['x-message-ttl'] = setup.ttl;
        if (setup.maxLength !== undefined) args['x-max-length'] = setup.maxLength;
        if (setup.type === 'quorum' && setup.deliveryLimit !== undefined)
          args['x-delivery-limit'] = setup.deliveryLimit;
        let s: RabbitState = createRabbit();
        let now = 0;
        const effects: RabbitEffect[] = [];
        const step = (r: RabbitRequest) => {
          const out = apply(s, r, now);
          s = out.state;
          effects.push(...out.effects);
        };
        const consumer = (i: number) => {
          step({ kind: 'open-channel', channel: `ch${i}` });
          step({ kind: 'qos', channel: `ch${i}`, prefetch: setup.prefetch[i] ?? 1 });
          step({ kind: 'consume', channel: `ch${i}`, queue: 'work', consumerTag: `c${i}-${now}-${effects.length}` });
        };
        step({ kind: 'declare-exchange', exchange: 'dlx', type: 'fanout' });
        step({ kind: 'declare-queue', queue: 'dead' });
        step({ kind: 'bind', queue: 'dead', exchange: 'dlx', routingKey: '' });
        step({ kind: 'declare-queue', queue: 'work', type: setup.type, arguments: args });
        consumer(0);
        consumer(1);
        let n = 0;
        for (const o of ops) {
          if (o.op === 'publish') step({ kind: 'publish', exchange: '', routingKey: 'work', body: `m${n++}` });
          if (o.op === 'wait') {
            now += o.ms;
            step({ kind: 'advance' });
          }
          if (o.op === 'crash') {
            step({ kind: 'close-channel', channel: `ch${o.channel}` });
            consumer(o.channel);
          }
          if (o.op === 'settle') {
            const held = s.channels[`ch${o.channel}`]?.unacked ?? [];
            const u = held[o.pick % Math.max(1, held.length)];
            if (!u) continue;
            const ch = `ch${o.channel}`;
            if (o.how === 'ack') step({ kind: 'ack', channel: ch, deliveryTag: u.deliveryTag });
            if (o.how === 'nack') step({ kind: 'nack', channel: ch, deliveryTag: u.deliveryTag, requeue: true });
            if (o.how === 'nack-drop') step({ kind: 'nack', channel: ch, deliveryTag: u.deliveryTag, requeue: false });
            if (o.how === 'reject-drop')
              step({ kind: 'reject', channel: ch, deliveryTag: u.deliveryTag, requeue: false });
          }
          const work = s.queues.work!;
          const places = [
            ...[...work.ready, ...work.returned].map((m) => m.message.id),
            ...Object.values(s.channels).flatMap((c) => c.unacked.map((u) => u.entry.message.id)),
            ...effects.filter((e) => e.kind === 'rabbitmq-acked').map((e) => e.messageId),
            ...effects
              .filter(
                (e) => (e.kind === 'rabbitmq-dead-lettered' || e.kind === 'rabbitmq-dropped') && e.queue === 'work',
              )
              .map((e) => (e as { messageId: string }).messageId),
          ];
          const routed = effects
            .filter((e) => e.kind === 'rabbitmq-enqueued' && e.queue === 'work')
            .map((e) => (e as { messageId: string }).messageId);
          expect([...places].sort()).toEqual([...routed].sort());
          // Every dead letter from work reached the dead queue (fanout DLX, no cycle).
          const dead = effects.filter((e) => e.kind === 'rabbitmq-dead-lettered' && e.queue === 'work').length;
          expect(s.queues.dead!.ready.length).toBe(dead);
        }
      }),
      { numRuns: 300 },
    );
  });
});
