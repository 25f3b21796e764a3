import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createBroker } from './brokerState';
import { createTopic } from './topic';
import { produceBatch } from './producer';
import { compactTopic } from './compaction';
import { recordsOf } from './log';
import { joinGroup } from './group';
import { poll } from './consumer';
import { only, pure } from './testing';

describe('poll', () => {
  it('property: hands out every retained record once, in order, and each records-fetched names exactly the offsets handed out (gaps after compaction included)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.nat(1)), { maxLength: 60 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 9 }),
        (ops, compact, maxRecords) => {
          let s = createTopic(
            createBroker({ seed: 1 }),
            { name: 't', partitions: 2, segmentRecords: 4, cleanupPolicy: 'compact', tombstoneRetentionMs: 0 },
            0,
          ).state;
          s = produceBatch(
            s,
            ops.map(([key, partition], i) => ({ topic: 't', key, value: i, partition })),
            0,
          ).state;
          if (compact) s = compactTopic(s, 't', 1).state;
          s = joinGroup(s, { groupId: 'g', memberId: 'c', topics: ['t'], autoOffsetReset: 'earliest' }, 1).state;
          const got: number[][] = [[], []];
          for (let i = 0; i < 200; i++) {
            const r = pure(s, (x) => poll(x, { groupId: 'g', memberId: 'c', maxRecords }, 2));
            s = r.state;
            if (r.records.length === 0) break;
            expect(r.records.length).toBeLessThanOrEqual(maxRecords);
            const fetched = only(r.effects, 'records-fetched');
            expect(fetched.flatMap((e) => e.offsets)).toEqual(r.records.map((x) => x.offset));
            expect(fetched.flatMap((e) => e.offsets.map(() => e.partition))).toEqual(r.records.map((x) => x.partition));
            for (const x of r.records) got[x.partition]!.push(x.offset);
          }
          for (const p of [0, 1]) expect(got[p]).toEqual(recordsOf(s, 't', p).map((x) => x.offset));
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});
