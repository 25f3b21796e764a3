/**
 * Properties of MM2's offset translation against a reference model, over any interleaving of writes upstream,
 * mirror runs (any batch size, with or without the task's offset commit), a group consuming upstream and checkpoint
 * runs, with any offset.lag.max and records already expired upstream:
 * - the reference: every sync ever written, kept (no sparse store); its translation of an offset u is the latest
 *   sync ≤ u, + 1 when past it. The true position is the downstream offset of the first copied record at or after u;
 * - a translated offset is never past the reference's, which is never past the true position (no record skipped);
 * - every checkpoint is at or before the true position of its upstream offset;
 * - after a failover at the latest checkpoint and reading to the end downstream, every mirrored record is processed
 *   (in one region or the other), and the records processed twice are exactly true position − checkpoint;
 * - the sync store keeps Kafka's invariants B and C between neighbours.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { logEndOffset } from '../broker';
import { consumeIn, failover, produceIn } from './clients';
import { emitCheckpoints, latestCheckpoint } from './checkpoints';
import { mirror } from './replicate';
import { createMirror, type CopiedPair, type MirrorState } from './mirrorState';
import { translateDownstream, type SyncArray } from './syncStore';
import type { OffsetSync } from './syncWriter';
import { T0, usToEu } from './mirror.testkit';

type Op =
  | { k: 'produce'; n: number }
  | { k: 'mirror'; max: number; commit: boolean }
  | { k: 'consume'; max: number }
  | { k: 'checkpoint' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ k: fc.constant('produce' as const), n: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ k: fc.constant('mirror' as const), max: fc.integer({ min: 1, max: 8 }), commit: fc.boolean() }),
  fc.record({ k: fc.constant('consume' as const), max: fc.integer({ min: 1, max: 8 }) }),
  fc.constant({ k: 'checkpoint' as const }),
);

const refTranslate = (syncs: readonly OffsetSync[], u: number): number | null => {
  let best: OffsetSync | null = null;
  for (const s of syncs) if (s.upstream <= u && (!best || s.upstream >= best.upstream)) best = s;
  return best ? best.downstream + (best.upstream === u ? 0 : 1) : null;
};

const truePosition = (pairs: readonly CopiedPair[], u: number, end: number): number =>
  pairs.find((p) => p.upstream >= u)?.downstream ?? end;

function run(ops: readonly Op[], expired: number, lag: number): MirrorState {
  let s = createMirror(
    {
      ...usToEu,
      regions: [{ alias: 'us', topics: [{ name: 'rides', expired }] }, usToEu.regions[1]!],
      offsetLagMax: lag,
    },
    T0,
  );
  let id = 0;
  for (const o of ops) {
    if (o.k === 'produce')
      for (let i = 0; i < o.n; i++, id++)
        s = produceIn(s, { region: 'us', topic: 'rides', key: `r${id}`, value: id, eventId: `e${id}` }, T0).state;
    if (o.k === 'mirror') s = mirror(s, { source: 'us', target: 'eu', max: o.max, commit: o.commit }, T0).state;
    if (o.k === 'consume') s = consumeIn(s, { region: 'us', group: 'g', topics: ['rides'], max: o.max }, T0).state;
    if (o.k === 'checkpoint') s = emitCheckpoints(s, { source: 'us', target: 'eu' }, T0).state;
  }
  return s;
}

const B = (a: OffsetSync, b: OffsetSync, i: number, j: number) =>
  a === b || b.upstream + 2 ** j - 2 ** i < 0 || a.upstream <= b.upstream + 2 ** j - 2 ** i;
const C = (a: OffsetSync, b: OffsetSync, i: number) => a === b || a.upstream >= b.upstream + 2 ** Math.max(i - 2, 0);

const args = [fc.array(op, { maxLength: 30 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 6 })] as const;

describe('MM2 offset translation (property, against a reference model)', () => {
  it('never translates past the true position, and the sparse store is never ahead of the reference', () => {
    fc.assert(
      fc.property(...args, (ops, expired, lag) => {
        const s = run(ops, expired, lag);
        const f = s.flows[0]!;
        const pairs = f.copied['rides:0'] ?? [];
        const end = logEndOffset(s.regions.eu!.broker, 'us.rides', 0);
        const store: SyncArray | undefined = f.store['rides:0'];
        const last = pairs.length ? pairs[pairs.length - 1]!.upstream + 1 : 0;
        for (let u = 0; u <= last + 1; u++) {
          const got = translateDownstream(store, u);
          const ref = refTranslate(f.syncs['rides:0'] ?? [], u);
          if (got === null || got < 0 || u > last) continue;
          expect(ref).not.toBeNull();
          expect(got).toBeLessThanOrEqual(ref!);
          expect(ref!).toBeLessThanOrEqual(truePosition(pairs, u, end));
        }
        for (const c of f.checkpoints) expect(c.downstream).toBeLessThanOrEqual(truePosition(pairs, c.upstream, end));
        if (store)
          for (let i = 0; i + 1 < store.length; i++) {
            expect(B(store[i]!, store[i + 1]!, i, i + 1)).toBe(true);
            expect(C(store[i]!, store[i + 1]!, i)).toBe(true);
          }
      }),
      { numRuns: 200 },
    );
  });

  it('after a failover nothing mirrored is missed, and the duplicates are true position − checkpoint', () => {
    fc.assert(
      fc.property(...args, (ops, expired, lag) => {
        const s = run([...ops, { k: 'checkpoint' }], expired, lag);
        const f = s.flows[0]!;
        const cp = latestCheckpoint(f.checkpoints, 'g', 'us.rides', 0);
        if (!cp) return;
        const pairs = f.copied['rides:0'] ?? [];
        const end = logEndOffset(s.regions.eu!.broker, 'us.rides', 0);
        const committed = s.regions.us!.broker.groups.g!.committed['rides:0']!.offset;
        const after = consumeIn(
          failover(s, { group: 'g', from: 'us', to: 'eu' }, T0).state,
          {
            region: 'eu',
            group: 'g',
            topics: ['us.rides'],
          },
          T0,
        ).state;
        const processed = new Set(after.apps.g!.processed.map((p) => p.eventId));
        for (const p of pairs) expect(processed.has(p.eventId)).toBe(true);
        const dups = after.apps.g!.processed.filter((p) => p.duplicate).length;
        expect(dups).toBe(Math.max(0, truePosition(pairs, committed, end) - cp.downstream));
      }),
      { numRuns: 200 },
    );
  });
});
