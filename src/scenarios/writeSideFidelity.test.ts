/**
 * Issue 13 (fidelity), the write-side and queue content: what the event-sourcing, CQRS, design and
 * log-vs-queue built-ins say must match KurrentDB, RabbitMQ and Kafka (the engine's own tests cite the
 * sources of each rule: eventstore/idempotency.test.ts, cqrs/aggregate.test.ts, cqrs/relay.test.ts,
 * steps/relay.test.ts, steps/publish.test.ts), and must stand alone.
 */
import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from './content';
import { Stepper } from './stepper';

const texts = (id: string): string => JSON.stringify(findBuiltin(id)!);

describe('write-side and queue content agrees with the real systems', () => {
  it('no built-in refers to "the article": a learner has never read it', () => {
    expect(
      allBuiltins()
        // A numbered article of a law ("GDPR Article 17") is a citation a learner can look up, not the article.
        .filter((s) => /\barticles?\b(?!\s+\d)/i.test(JSON.stringify(s)))
        .map((s) => s.id),
    ).toEqual([]);
  });

  it('point 10: global positions are said to be a simplification — KurrentDB $all positions are log addresses with gaps, SQL sequences become visible out of order', () => {
    const t = texts('event-sourcing');
    expect(t).toMatch(/simplification/);
    expect(t).toMatch(/\$all positions are addresses in its transaction log/);
    expect(t).toMatch(/gaps/);
    expect(t).toMatch(/a transaction that took 7 can commit after one that took 8/);
  });

  it('point 11: idempotent append with any/stream_exists is taught as best effort, exact and no_stream as guaranteed', () => {
    const t = texts('event-sourcing');
    expect(t).toMatch(/cache of recently written events/);
    expect(t).toMatch(/best effort/);
    const q = findBuiltin('event-sourcing')!.steps.find((s) => s.question?.id === 'retry-append')!.question!;
    expect(q.choices!.filter((c) => c.correct).map((c) => c.id)).toEqual(['exact']);
  });

  it('point 12: a retried command is taught as decided again, with what makes it safe', () => {
    const t = texts('event-sourcing');
    expect(t).toMatch(/DepositMoney is decided again on the new state, accepted again/);
    expect(t).toMatch(/the revision the client saw/);
  });

  it("point 16: log-vs-queue names RabbitMQ's consumer_timeout and the versions its text describes", () => {
    const t = texts('log-vs-queue');
    expect(t).not.toMatch(/rather than after a timeout/);
    expect(t).toMatch(/consumer_timeout, 30 minutes by default since 3\.8\.17/);
    expect(t).toMatch(/Up to RabbitMQ 4\.2 a consumer that holds a delivery longer gets its channel closed/);
    expect(t).toMatch(/from 4\.3 the timeout is evaluated only for quorum queues/);
  });

  it('point 9: no built-in with an event store stores what a publish step or a publishing service produced', () => {
    for (const s of allBuiltins().filter((x) => (x.topology.aggregates ?? []).length > 0)) {
      const stepper = new Stepper(s, []);
      const { world } = stepper.at(s.steps.length);
      const prefixes = s.topology.aggregates!.map((a) => a.streamPrefix);
      const foreign = world.log.events
        .filter((e) => !prefixes.some((p) => e.streamId.startsWith(p)))
        .map((e) => `${s.id}: ${e.eventType} in ${e.streamId}`);
      expect(foreign).toEqual([]);
    }
  });

  it('an upcaster default is a fact, else the field is optional (designing-events agrees with schema-evolution)', () => {
    const d = findBuiltin('designing-events')!;
    const ops = d.topology.upcasters![0]!.ops;
    expect(ops).not.toContainEqual(expect.objectContaining({ op: 'add', field: 'email' }));
    expect(ops).toContainEqual({ op: 'add', field: 'currency', value: 'USD' });
    const v2 = d.topology.eventTypes!.find((e) => e.name === 'OrderPlaced')!;
    expect(v2.fields.find((f) => f.name === 'email')!.optional).toBe(true);
    expect(findBuiltin('schema-evolution')!.topology.upcasters![0]!.ops).toContainEqual({
      op: 'add',
      field: 'currency',
      value: 'USD',
    });
  });

  it("ride-sharing does not claim the receipt's chain reaches RideRequested, and shows how to carry the ride's id", () => {
    const s = findBuiltin('ride-sharing')!;
    const { world } = new Stepper(s, []).at(s.steps.length);
    const receipt = world.broker.topics['rider-notifications']!.partitions.flatMap((p) => p.records).find(
      (r) => r.headers.eventType === 'ReceiptSent',
    )!;
    const request = world.log.events.find((e) => e.eventType === 'RideRequested')!;
    expect(receipt.headers.correlationId).not.toBe(request.metadata?.correlationId);
    const t = texts('ride-sharing');
    expect(t).toMatch(/The chain stops there, not at RideRequested/);
    expect(t).toMatch(/sends it with every follow-up command/);
  });

  it('interview topics are taught, not only mentioned', () => {
    expect(texts('cqrs-orders')).toMatch(/saves the checkpoint in the same transaction as the rows it changed/);
    expect(texts('cqrs-orders')).toMatch(/Skip it for simple CRUD/);
    expect(texts('log-vs-queue')).toMatch(/KIP-932/);
    expect(texts('log-vs-queue')).toMatch(/head-of-line blocking/);
    expect(texts('ride-sharing')).toMatch(/the driver's latest position and ETA/);
    expect(texts('ride-sharing')).toMatch(/the current offer/);
    expect(texts('event-sourcing')).toMatch(/plain records are the better choice/);
  });
});
