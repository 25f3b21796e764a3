import { describe, expect, it } from 'vitest';
import { keyChoice } from '../../engine/broker/partitioner';
import { whyPartition } from './whyPartition';

const base = { topic: 'orders', offset: 4, eventType: 'OrderPlaced' };

describe('whyPartition', () => {
  it('explains a keyed record with Kafka’s murmur2 (known vectors)', () => {
    for (const [key, hash] of [
      ['21', -973932308],
      ['foobar', -790332482],
      ['', 275646681],
    ] as const) {
      const c = keyChoice(key, 3);
      expect(c.murmur2).toBe(hash);
      const why = whyPartition({ ...base, partition: c.partition, key, currentCount: 3, choice: c });
      expect(why.kind).toBe('key');
      expect(why.steps[0]!.value).toBe(`murmur2('${key}') = ${hash}`);
      expect(why.steps[1]!.value).toBe(`${hash} & 0x7fffffff = ${hash & 0x7fffffff}`);
      expect(why.steps[2]!.value).toBe(`${hash & 0x7fffffff} mod 3 = ${(hash & 0x7fffffff) % 3}`);
      expect(why.remap).toBeNull();
      expect(why.source).toBe('effect');
    }
  });

  it('recomputes a keyed record without its effect', () => {
    const c = keyChoice('foobar', 4);
    const why = whyPartition({ ...base, partition: c.partition, key: 'foobar', currentCount: 4 });
    expect(why.source).toBe('recomputed');
    expect(why.steps[2]!.value).toBe(`${c.positive} mod 4 = ${c.partition}`);
    expect(why.remap).toBeNull();
  });

  it('says when partitions added since would send the key elsewhere', () => {
    // Find a key whose partition changes from 3 to 4 partitions.
    const key = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].find(
      (k) => keyChoice(k, 3).partition !== keyChoice(k, 4).partition,
    )!;
    const then = keyChoice(key, 3).partition;
    const now = keyChoice(key, 4).partition;
    const fromEffect = whyPartition({ ...base, partition: then, key, currentCount: 4, choice: keyChoice(key, 3) });
    expect(fromEffect.remap).toBe(
      `with 3 partitions it was ${then}; with 4 partitions today the same key would go to ${now}`,
    );
    const recomputed = whyPartition({ ...base, partition: then, key, currentCount: 4, initialCount: 3 });
    expect(recomputed.remap).toBe(fromEffect.remap);
    expect(recomputed.steps[2]!.value).toContain('mod 3 =');
  });

  it('explains a keyless record as the sticky partitioner’s, with the batch when the effect is known', () => {
    const recomputed = whyPartition({ ...base, partition: 1, key: null, currentCount: 3 });
    expect(recomputed.kind).toBe('sticky');
    expect(recomputed.summary).toMatch(/^No key: the sticky partitioner chose it/);
    expect(recomputed.steps).toEqual([]);
    const stay = whyPartition({
      ...base,
      partition: 1,
      key: null,
      currentCount: 3,
      choice: { kind: 'sticky', partition: 1, batchSize: 4, batchFill: 2, newBatch: false },
    });
    expect(stay.steps.map((s) => s.value).join(' ')).toContain('record 2 of a batch of up to 4 on partition 1');
    expect(stay.steps[1]!.value).toContain('not full yet');
    const fresh = whyPartition({
      ...base,
      partition: 2,
      key: null,
      currentCount: 3,
      choice: { kind: 'sticky', partition: 2, batchSize: 4, batchFill: 1, newBatch: true },
    });
    expect(fresh.steps[1]!.value).toContain('picked uniformly at random');
  });

  it('explains an explicit partition, stated or inferred', () => {
    expect(
      whyPartition({ ...base, partition: 2, key: 'x', currentCount: 3, choice: { kind: 'explicit', partition: 2 } })
        .kind,
    ).toBe('explicit');
    // A key that with 1..3 partitions never lands on partition 2 was placed explicitly.
    const key = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].find((k) => keyChoice(k, 3).partition !== 2)!;
    const why = whyPartition({ ...base, partition: 2, key, currentCount: 3 });
    expect(why.kind).toBe('explicit');
    expect(why.summary).toContain('explicitly');
  });
});
