import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../content/index';
import { switchScenario, TARGETS, type SwitchResult } from '.';

const on = (id: string, profile: Parameters<typeof switchScenario>[1]) => switchScenario(findBuiltin(id)!, profile);
const handled = (r: SwitchResult, step: number) =>
  r.frames[step]!.deliveries.map((d) => `${d.member}: ${d.body} (${d.outcome})`);
const note = (r: SwitchResult, concept: string) => r.notes.find((n) => n.concept === concept)?.text;

describe('switching a built-in onto another broker', () => {
  it('RabbitMQ: a group is a queue, its members competing consumers taking turns; another group gets its own copy', () => {
    const r = on('pubsub-basics', 'rabbitmq');
    expect(r.meaningful).toBe(true);
    expect(r.verdict).toBe(
      '6 of its 12 steps carry over to RabbitMQ with the same outcome; 6 steps run but come out otherwise (the step says how).',
    );
    expect(r.mapping).toContain(
      'group billing → classic queue billing bound to orders, consumers billing-1, billing-2',
    );
    expect(handled(r, 5)).toEqual([
      'billing-1: OrderPlaced order-1 (processed)',
      'billing-1: OrderPlaced order-4 (processed)',
    ]);
    expect(handled(r, 6)).toEqual([
      'billing-2: OrderPlaced order-2 (processed)',
      'billing-2: PaymentReceived order-1 (processed)',
    ]);
    // order-1's two events went to two consumers: per-key order is not kept across competing consumers.
    expect(handled(r, 7)).toHaveLength(4);
    expect(note(r, 'consumer groups')).toMatch(/^RabbitMQ has no consumer groups: each group becomes its own queue/);
    expect(note(r, 'partitions and per-key order')).toMatch(/two events with the same key can be processed at once/);
  });

  it('RabbitMQ: a consumer that crashes before acknowledging has its messages requeued, redelivered, to the others', () => {
    const r = on('consumer-groups-rebalancing', 'rabbitmq');
    const crash = r.frames.find((f) => f.effects.some((e) => e.kind === 'rabbitmq-requeued'))!;
    expect(crash.translated).toMatch(/requeues the (message|\d+ messages) it had not acknowledged/);
    const later = r.frames.slice(crash.step + 1).flatMap((f) => f.deliveries);
    expect(later.some((d) => d.detail.endsWith('redelivered'))).toBe(true);
  });

  it('RabbitMQ: a rewind cannot be translated, and says why', () => {
    const r = on('log-vs-queue', 'rabbitmq');
    expect(r.untranslated).toEqual([
      {
        step: 19,
        title: r.frames[19]!.title,
        why: expect.stringMatching(/^RabbitMQ classic queues keep no offsets/),
      },
    ]);
    expect(r.frames).toHaveLength(findBuiltin('log-vs-queue')!.steps.length + 1);
    expect(r.verdict).toBe(
      '9 of its 20 steps carry over to RabbitMQ with the same outcome; 10 steps run but come out otherwise (the step says how); 1 step cannot be translated (listed with the reason).',
    );
  });

  it('NATS JetStream: the work queue is a work-queue stream, a nak redelivers at the next fetch', () => {
    const r = on('log-vs-queue', 'nats');
    expect(handled(r, 8)).toEqual(['worker-2: OrderCancelled order-42 (held)']);
    expect(r.frames[11]!.deliveries[0]!.detail).toBe('SHIPPING-TASKS seq 2, delivery 2, redelivered');
    expect(handled(r, 18)).toHaveLength(3);
  });

  it('SNS + SQS: a group is its own queue; a receiver that never deletes leaves the message to come back (receive count 2)', () => {
    const r = on('consumer-groups-rebalancing', 'sqs');
    expect(note(r, 'consumer groups')).toBe(
      'SQS has no consumer groups: each group becomes its own SQS queue subscribed to the SNS topic (raw delivery), and its members are competing receivers on that queue.',
    );
    expect(handled(r, 12)).toEqual(['ship-2: OrderPlaced order-1006 (held)']);
    expect(r.frames[16]!.deliveries.map((d) => d.detail)).toContain('shipping, receive count 2');
  });

  it('a rewind: SQS has nothing to rewind; Pub/Sub seeks to a time (no built-in resets to one, so a copy does)', () => {
    const sqs = on('log-vs-queue', 'sqs');
    expect(sqs.untranslated.map((u) => u.why)).toEqual([
      'SQS deletes a message once it is processed: there are no offsets to move and nothing consumed to replay',
    ]);
    const base = findBuiltin('pubsub-basics')!;
    const replay = {
      ...base,
      steps: [
        ...base.steps,
        {
          title: 'Replay',
          narration: '',
          action: { kind: 'reset-offsets', group: 'analytics', topic: 'orders', to: 'earliest' },
        },
        { title: 'Read again', narration: '', action: { kind: 'poll', group: 'analytics', member: 'analytics-1' } },
      ],
    } as typeof base;
    const ps = switchScenario(replay, 'pubsub');
    const n = base.steps.length;
    expect(ps.frames[n + 1]!.translated).toMatch(/^subscription analytics seeks to time \d+/);
    expect(handled(ps, n + 2)).toHaveLength(6);
    expect(ps.frames[1]!.translated).toBe('publish "OrderPlaced order-1" to topic orders with ordering key order-1');
  });

  it('EventBridge: targets are invoked as events are put; polls have nothing to do and say so', () => {
    const r = on('pubsub-basics', 'eventbridge');
    expect(r.frames[1]!.effects.filter((e) => e.kind === 'eventbridge-delivered').length).toBeGreaterThanOrEqual(2);
    // Both groups' targets are invoked with the event as it is put (at least once: a quirk may invoke twice).
    const first = r.frames[1]!.deliveries.map((d) => `${d.member}: ${d.body}`);
    expect(new Set(first)).toEqual(new Set(['billing: OrderPlaced order-1', 'analytics: OrderPlaced order-1']));
    const all = r.frames.flatMap((f) => f.deliveries);
    expect(new Set(all.filter((d) => d.member === 'analytics').map((d) => d.body)).size).toBe(6);
    expect(r.untranslated).toHaveLength(5);
    expect(r.untranslated[0]!.why).toMatch(/^EventBridge invokes each rule’s target itself/);
  });

  it('refuses the switch, with the reason, where the scenario’s point is not the broker', () => {
    expect(on('event-sourcing', 'rabbitmq').verdict).toMatch(/^Not meaningful: this scenario has no topics or queues/);
    expect(on('exactly-once', 'nats').verdict).toMatch(/^Not meaningful: this scenario is about Kafka transactions/);
    expect(on('durability', 'sqs').verdict).toMatch(/^Not meaningful: this scenario is about Kafka replication/);
    expect(on('cqrs-orders', 'pubsub').verdict).toMatch(/event-store commands/);
    expect(on('cqrs-orders', 'pubsub').frames).toEqual([]);
  });

  it('on every built-in and profile: each step is a frame, or listed with why; nothing the profile refuses', () => {
    for (const s of allBuiltins())
      for (const t of TARGETS) {
        const r = switchScenario(s, t.id);
        if (!r.meaningful) continue;
        expect(r.frames).toHaveLength(s.steps.length + 1);
        for (const f of r.frames.slice(1))
          expect(f.translated !== null || r.untranslated.some((u) => u.step === f.step)).toBe(true);
        const refused = r.frames.flatMap((f) => f.effects.filter((e) => e.kind.endsWith('-rejected')));
        expect(refused, `${s.id} on ${t.id}`).toEqual([]);
      }
  });

  it('is deterministic', () => {
    expect(on('delivery-guarantees', 'sqs')).toEqual(on('delivery-guarantees', 'sqs'));
  });
});
