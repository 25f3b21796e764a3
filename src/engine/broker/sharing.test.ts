import { describe, expect, it } from 'vitest';
import { createBroker, recordsVec, type BrokerState } from './brokerState';
import { poll } from './consumer';
import { joinGroup } from './group';
import { recordsOf } from './log';
import { produce } from './producer';
import { createTopic } from './topic';

/** Slots (array elements, object keys) reachable from `next` and not from `prev`; accessors are skipped, partition logs are walked through their record vectors. */
function freshSlots(prev: BrokerState, next: BrokerState): number {
  const seen = new Set<unknown>();
  let fresh = 0;
  const walk = (v: unknown, counting: boolean) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const values: unknown[] = [];
    for (const [k, d] of Object.entries(Object.getOwnPropertyDescriptors(v))) {
      if ('value' in d) values.push(d.value);
      else if (k === 'records') values.push(recordsVec(v as never));
    }
    if (counting) fresh += values.length;
    for (const x of values) walk(x, counting);
  };
  walk(prev, false);
  walk(next, true);
  return fresh;
}

describe('partition logs are shared between states (issue 19, point 12)', () => {
  const filled = (n: number): BrokerState => {
    let s = createTopic(createBroker({ seed: 1 }), { name: 't', partitions: 1 }, 0).state;
    for (let i = 0; i < n; i++) s = produce(s, { topic: 't', key: 'k', value: i, producerId: 'p' }, i).state;
    return s;
  };

  it('producing one record copies O(log n) slots, not the partition', () => {
    const cost = (n: number) => {
      const s = filled(n);
      return freshSlots(s, produce(s, { topic: 't', key: 'k', value: 'last', producerId: 'p' }, n).state);
    };
    const small = cost(300);
    const large = cost(6000);
    // Copying the partition made `large` ≈ 6,000 slots more than `small`.
    expect(large).toBeLessThan(small + 100);
  });

  it('every earlier state keeps its records, and polls read the shared vector', () => {
    const s1 = filled(100);
    const s2 = produce(s1, { topic: 't', key: 'k', value: 'x', producerId: 'p' }, 100).state;
    expect(recordsOf(s1, 't', 0)).toHaveLength(100);
    expect(recordsOf(s2, 't', 0)).toHaveLength(101);
    expect(recordsOf(s2, 't', 0).slice(0, 100)).toEqual(recordsOf(s1, 't', 0));
    const joined = joinGroup(
      s2,
      { groupId: 'g', memberId: 'm', topics: ['t'], autoOffsetReset: 'earliest' },
      200,
    ).state;
    const r = poll(joined, { groupId: 'g', memberId: 'm', maxRecords: 30 }, 201);
    expect(r.records.map((x) => x.offset)).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(r.records[0]).toBe(recordsOf(s2, 't', 0)[0]);
    const clone = structuredClone(joined);
    expect(poll(clone, { groupId: 'g', memberId: 'm', maxRecords: 30 }, 201).records).toEqual(r.records);
  });
});
