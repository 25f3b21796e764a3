import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../content/index';
import { kafkaSteps } from './kafkaSide';
import { switchScenario } from '.';

const on = (id: string, profile: 'rabbitmq' | 'nats') => switchScenario(findBuiltin(id)!, profile);

/** Kafka concepts a heading could name, and the target effect kinds that would make it true there. */
const CONCEPTS: readonly [RegExp, RegExp][] = [
  [/partition/i, /partition/],
  [/rebalanc|shuffle|reassign|evict/i, /rebalanc|assign/],
  [/offset/i, /offset/],
  [/dead.letter|DLT/i, /dead-letter/],
  [/fails|failed|poison/i, /nak|nack|reject|dead-letter/],
];
/** Kafka effects that change what a step means, and the target effects that would be their counterpart. */
const KAFKA_ONLY: readonly [string, RegExp][] = [
  ['rebalance-started', /rebalanc|assign/],
  ['partitions-assigned', /rebalanc|assign/],
  ['processing-failed', /nak|nack|reject/],
  ['record-dead-lettered', /dead-letter/],
  ['produce-deduplicated', /duplicate/],
];

describe('a switched step says what the target broker did, and counts as carried over only when it means the same', () => {
  for (const profile of ['rabbitmq', 'nats', 'sqs', 'pubsub', 'eventbridge'] as const)
    it(`every built-in on ${profile}: no heading claims what the broker did not do; carried-over steps meant the same`, () => {
      let checked = 0;
      for (const s of allBuiltins()) {
        const r = switchScenario(s, profile);
        if (!r.meaningful) continue;
        const kafka = kafkaSteps(s);
        for (const f of r.frames.slice(1)) {
          const kinds = f.effects.map((e) => e.kind).join(' ');
          for (const [word, effect] of CONCEPTS)
            if (word.test(f.heading))
              expect(kinds, `${s.id} on ${profile}, step ${f.step}: ${f.heading}`).toMatch(effect);
          // Every message the heading says a member handled is one it was handed in this step.
          for (const d of f.deliveries.filter((x) => f.heading.includes(x.body)))
            expect(f.heading, `${s.id} on ${profile}, step ${f.step}`).toMatch(new RegExp(`(^|\\s)${d.member}(\\W|$)`));
          if (f.translated !== null && f.differences.length === 0) {
            checked++;
            const k = kafka[f.step - 1]!;
            // Nothing happened on Kafka that the target did not do too, and the same members handled the same messages.
            for (const [kind, counterpart] of KAFKA_ONLY)
              if (k.kinds.includes(kind))
                expect(kinds, `${s.id} on ${profile}, step ${f.step}: ${kind}`).toMatch(counterpart);
            const here = f.deliveries
              .filter((d) => d.outcome === 'processed' || d.outcome === 'held')
              .map((d) => `${d.member}: ${d.body}`);
            expect([...here].sort(), `${s.id} on ${profile}, step ${f.step}`).toEqual([...k.processed].sort());
          }
        }
      }
      expect(checked).toBeGreaterThan(20);
    });

  it('RabbitMQ, pub/sub basics step 4: the heading is the publish, Kafka’s “Same key, same partition” an aside that does not count', () => {
    const r = on('pubsub-basics', 'rabbitmq');
    const f = r.frames[4]!;
    expect(f.title).toBe('Same key, same partition');
    expect(f.heading).toBe('PaymentReceived order-1 is published');
    expect(f.differences).toEqual([
      'On Kafka this step is about which partition a record goes to or who reads it; there are no partitions here.',
    ]);
    // order-1's two events go to two consumers: the steps that read them say so.
    expect(r.frames[5]!.differences.join(' ')).toMatch(/On Kafka billing-1 processed .*; here billing-1 processed/);
  });

  it('NATS, consumer groups: a joining member is a member starting to fetch, not a rebalance', () => {
    const r = on('consumer-groups-rebalancing', 'nats');
    expect(r.frames[8]!.heading).toBe('ship-3 starts consuming');
    expect(r.frames[8]!.differences[0]).toMatch(/^On Kafka the group rebalances/);
  });

  it('NATS, delivery guarantees: ack wait passes where Kafka’s session timeout does, so the crashed member’s message is redelivered', () => {
    const r = on('delivery-guarantees', 'nats');
    expect(r.frames[5]!.effects.filter((e) => e.kind === 'nats-redelivery-due')).toHaveLength(1);
    expect(r.frames[5]!.translated).toMatch(/Here 30 s pass within this step, as Kafka's session timeout does/);
    expect(r.frames[7]!.deliveries.map((d) => `${d.member}: ${d.body} (${d.detail})`)).toEqual([
      'billing-1: OrderPlaced order-1004 (ORDERS seq 3, delivery 2, redelivered)',
    ]);
    expect(r.frames[7]!.heading).toBe('billing-1 gets OrderPlaced order-1004 again (redelivered)');
    expect(r.frames[7]!.differences).toEqual([]);
    // At-most-once acknowledged everything before crashing: nothing to wait for, so no time is folded in.
    expect(r.frames[3]!.translated).not.toMatch(/Here \d+ s pass/);
    // Loyalty's crashed member leaves three; its partner gets them again and skips them.
    expect(r.frames[9]!.deliveries.every((d) => /redelivered; skipped/.test(d.detail))).toBe(true);
    // The poison message and the dead-letter send belong to the scenario's service: those steps say they differ.
    expect(r.frames[13]!.heading).not.toMatch(/fail/i);
    expect(r.frames[13]!.differences[0]).toMatch(/^On Kafka the consumer’s processing fails/);
    expect(r.frames[17]!.differences).toContain(
      'On Kafka the record goes to the dead-letter topic; here nothing is dead-lettered.',
    );
    expect(r.verdict).toBe(
      '13 of its 21 steps carry over to NATS JetStream with the same outcome; 7 steps run but come out otherwise (the step says how); 1 step cannot be translated (listed with the reason).',
    );
  });

  it('RabbitMQ: a restarted consumer keeps its name as consumer tag; closing with nothing unacknowledged requeues nothing', () => {
    const r = on('delivery-guarantees', 'rabbitmq');
    const tags = r.frames.flatMap((f) => Object.keys((f.state as { consumers: object }).consumers));
    expect(tags.filter((t) => /-\d+-\d+$|^billing-1-/.test(t))).toEqual([]);
    expect(r.frames[3]!.translated).toMatch(/nothing is requeued$/);
    const reasons = r.frames.flatMap((f) => f.effects.map((e) => e.reason));
    expect(reasons.some((x) => /with no unacknowledged messages: nothing is requeued/.test(x))).toBe(true);
    expect(reasons.filter((x) => /\b0 unacknowledged/.test(x))).toEqual([]);
  });

  it('SQS and Pub/Sub fold their own waits in too (visibility timeout 30 s, ack deadline 10 s): loyalty-2 gets loyalty-1’s messages again', () => {
    for (const profile of ['sqs', 'pubsub'] as const) {
      const r = switchScenario(findBuiltin('delivery-guarantees')!, profile);
      expect(r.frames[8]!.translated).toMatch(/Here (30|10) s pass within this step/);
      const again = r.frames[9]!.deliveries;
      expect(again.length, profile).toBeGreaterThan(0);
      expect(again.every((d) => /skipped: this idempotent consumer processed it before/.test(d.detail))).toBe(true);
    }
  });
});
