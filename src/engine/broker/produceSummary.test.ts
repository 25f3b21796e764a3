/**
 * produceBatch with `effects: 'summary'` must be produceBatch with per-record effects, only reported
 * differently: same state, same `appended`, same rejections and deduplications, and one
 * `records-appended` per partition that agrees with the per-record effects it replaces.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { BrokerEffect } from '../types';
import { createBroker, type BrokerState } from './brokerState';
import { createProducer, produce, produceBatch, type ProduceRequest } from './producer';
import { createTopic } from './topic';
import { only, pure } from './testing';

function start(): BrokerState {
  let s = createBroker({ seed: 3 });
  s = createTopic(s, { name: 'rides', partitions: 4 }, 0).state;
  s = createTopic(s, { name: 'orders', partitions: 3, cleanupPolicy: 'compact' }, 0).state;
  s = createProducer(s, { producerId: 'a' }, 0).state;
  s = createProducer(s, { producerId: 'b', idempotent: false, stickyBatchSize: 3 }, 0).state;
  return s;
}

const requestArb: fc.Arbitrary<ProduceRequest> = fc
  .record({
    topic: fc.constantFrom('rides', 'rides', 'orders', 'nope'),
    key: fc.constantFrom(null, null, '', 'k1', 'k2', 'ride-42', 'ünï', 'bad\ud800'),
    partition: fc.option(fc.constantFrom(0, 1, 2, 3, 7), { nil: undefined }),
    producerId: fc.option(fc.constantFrom('a', 'b', 'c'), { nil: undefined }),
    flag: fc.constantFrom('none', 'none', 'none', 'none', 'failOnce', 'retry'),
    value: fc.nat({ max: 99 }),
  })
  .map(({ flag, partition, producerId, ...r }) => ({
    ...r,
    ...(partition === undefined ? {} : { partition }),
    ...(producerId === undefined ? {} : { producerId }),
    ...(flag === 'failOnce' ? { failOnce: true } : flag === 'retry' ? { retry: true } : {}),
  }));

/** The summaries the per-record effects add up to: topics in order of first append, partitions ascending. */
function expectedSummaries(perRecord: readonly BrokerEffect[]) {
  const byTopic = new Map<string, Map<number, Extract<BrokerEffect, { kind: 'record-appended' }>[]>>();
  for (const e of only(perRecord, 'record-appended')) {
    const parts = byTopic.get(e.topic) ?? byTopic.set(e.topic, new Map()).get(e.topic)!;
    parts.set(e.partition, [...(parts.get(e.partition) ?? []), e]);
  }
  const out = [];
  for (const [topic, parts] of byTopic) {
    for (const [partition, es] of [...parts].sort((x, y) => x[0] - y[0])) {
      const offsets = es.map((e) => e.offset);
      const count = (kind: string) => es.filter((e) => e.choice.kind === kind).length;
      out.push({
        kind: 'records-appended',
        topic,
        partition,
        firstOffset: offsets[0],
        lastOffset: offsets[offsets.length - 1],
        count: es.length,
        byKey: count('key'),
        sticky: count('sticky'),
        explicit: count('explicit'),
      });
    }
  }
  return out;
}

describe("produceBatch with effects: 'summary'", () => {
  it('has the same state, appended records and other effects as per-record effects', () => {
    fc.assert(
      fc.property(fc.array(requestArb, { maxLength: 12 }), fc.array(requestArb, { maxLength: 60 }), (before, batch) => {
        const s = produceBatch(start(), before, 1).state;
        const full = pure(s, (x) => produceBatch(x, batch, 2));
        const summary = pure(s, (x) => produceBatch(x, batch, 2, { effects: 'summary' }));
        expect(summary.state).toEqual(full.state);
        expect(summary.appended).toEqual(full.appended);
        const others = full.effects.filter((e) => e.kind !== 'record-appended');
        expect(summary.effects.slice(0, others.length)).toEqual(others);
        const sums = summary.effects.slice(others.length);
        expect(sums.map(({ reason: _, ...e }) => e)).toEqual(expectedSummaries(full.effects));
        for (const e of only(sums, 'records-appended')) {
          expect(e.lastOffset - e.firstOffset + 1).toBe(e.count);
          expect(e.byKey + e.sticky + e.explicit).toBe(e.count);
        }
        // the producers' next retry behaves the same after either call
        const retry = (x: BrokerState) =>
          produce(x, { topic: 'rides', key: null, value: 0, producerId: 'a', retry: true }, 3);
        expect(retry(summary.state)).toEqual(retry(full.state));
      }),
      { numRuns: 300 },
    );
  });

  it('reports a big keyed batch as one effect per partition, with the rule in plain words', () => {
    const reqs = Array.from({ length: 3000 }, (_, i) => ({ topic: 'rides', key: `ride-${i % 400}`, value: i }));
    const r = produceBatch(start(), reqs, 1, { effects: 'summary' });
    expect(produceBatch(start(), reqs, 1).state).toEqual(r.state);
    const sums = only(r.effects, 'records-appended');
    expect(r.effects).toHaveLength(sums.length);
    expect(sums.map((e) => e.partition)).toEqual([0, 1, 2, 3]);
    expect(sums.reduce((n, e) => n + e.count, 0)).toBe(3000);
    for (const e of sums) {
      expect(e).toMatchObject({ firstOffset: 0, lastOffset: e.count - 1, byKey: e.count, sticky: 0, explicit: 0 });
      expect(e.reason).toBe(
        `one batch appended ${e.count} records to rides-${e.partition} at offsets 0–${e.count - 1}: ${e.count} records by key (toPositive(murmur2(key)) mod 4 = ${e.partition})`,
      );
    }
  });
});
