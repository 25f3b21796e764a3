import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../content';
import { runFacts } from './runFacts';

describe('runFacts: what the simulator did with the records', () => {
  it('reads every record of Publish/subscribe basics and the six records each of its two groups received', () => {
    const facts = runFacts(findBuiltin('pubsub-basics')!);
    expect(facts.records.map((r) => [r.n, r.topic, r.key])).toEqual([
      [1, 'orders', 'order-1'],
      [2, 'orders', 'order-2'],
      [3, 'orders', 'order-4'],
      [4, 'orders', 'order-1'],
      [5, 'orders', 'order-3'],
      [6, 'orders', 'order-1'],
    ]);
    expect(facts.records[0]).toMatchObject({ partition: 1, offset: 0, placement: 'key', partitionCount: 3 });
    expect(facts.records[0]!.value).toMatchObject({ data: { orderId: 'order-1', customer: 'Ada' } });
    const byGroup = Object.fromEntries(facts.groups.map((g) => [g.id, g.received.map((d) => d.n).sort()]));
    expect(byGroup).toEqual({ billing: [1, 2, 3, 4, 5, 6], analytics: [1, 2, 3, 4, 5, 6] });
    expect(new Set(facts.groups.find((g) => g.id === 'billing')!.received.map((d) => d.member))).toEqual(
      new Set(['billing-1', 'billing-2']),
    );
  });

  it('counts a record a group received twice (a redelivery after a rebalance) once, at its first receipt', () => {
    const facts = runFacts(findBuiltin('consumer-groups-rebalancing')!);
    const shipping = facts.groups.find((g) => g.id === 'shipping')!;
    expect(shipping.received).toHaveLength(5);
    expect(new Set(shipping.received.map((d) => d.n)).size).toBe(5);
  });

  it('keeps how each partition was chosen: keyed, sticky (keyless) and explicit', () => {
    const placements = (id: string) => runFacts(findBuiltin(id)!).records.map((r) => r.placement);
    expect(placements('partitions-keys-ordering').filter((p) => p === 'sticky')).toHaveLength(3);
    expect(placements('delivery-guarantees').filter((p) => p === 'explicit')).toHaveLength(1);
  });
});

describe('runFacts: the groups', () => {
  it('counts members that joined after step 0 (Log vs queue adds analytics-1 in its story)', () => {
    const facts = runFacts(findBuiltin('log-vs-queue')!);
    expect(facts.groups.map((g) => [g.id, g.members])).toEqual([
      ['shipping', ['shipping-1', 'shipping-2']],
      ['analytics', ['analytics-1']],
    ]);
    expect(facts.queues).toEqual(['shipping-tasks']);
  });
});
