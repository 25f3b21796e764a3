import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyMap,
  emptyVec,
  mapGet,
  mapSet,
  vecAppendAll,
  vecGet,
  vecPush,
  vecSlice,
  type PMap,
  type PVec,
} from './persistent';

describe('persistent vector', () => {
  it('behaves like an array, and every earlier version stays unchanged', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 3000 }), (n, cut) => {
        const versions: PVec<number>[] = [emptyVec()];
        for (let i = 0; i < n; i++) versions.push(vecPush(versions[i]!, i * 7));
        const v = versions[n]!;
        expect(v.size).toBe(n);
        expect(vecSlice(v)).toEqual(Array.from({ length: n }, (_, i) => i * 7));
        const k = Math.min(cut, n);
        expect(vecSlice(versions[k]!)).toEqual(Array.from({ length: k }, (_, i) => i * 7));
        expect(vecSlice(v, k, k + 40)).toEqual(
          Array.from({ length: Math.max(0, Math.min(n, k + 40) - k) }, (_, i) => (k + i) * 7),
        );
        expect(vecGet(v, k)).toBe(k < n ? k * 7 : undefined);
        expect(vecGet(v, -1)).toBeUndefined();
      }),
      { numRuns: 40, seed: 19 },
    );
  });

  it('appends many at once like one by one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2000 }),
        fc.array(fc.integer({ min: 0, max: 1500 }), { maxLength: 4 }),
        (start, batches) => {
          let v = emptyVec<number>();
          const ref: number[] = [];
          for (let i = 0; i < start; i++) {
            v = vecPush(v, i);
            ref.push(i);
          }
          for (const n of batches) {
            const xs = Array.from({ length: n }, (_, i) => ref.length + i);
            const before = vecSlice(v);
            const next = vecAppendAll(v, xs);
            expect(vecSlice(v)).toEqual(before);
            v = next;
            ref.push(...xs);
          }
          expect(v.size).toBe(ref.length);
          expect(vecSlice(v)).toEqual(ref);
        },
      ),
      { numRuns: 40, seed: 19 },
    );
  });

  it('crosses trie levels (32, 1,056, 33,824 elements)', () => {
    let v = emptyVec<number>();
    for (let i = 0; i < 40_000; i++) v = vecPush(v, i);
    for (const i of [0, 31, 32, 1023, 1055, 1056, 33_823, 33_824, 39_999]) expect(vecGet(v, i)).toBe(i);
    expect(vecSlice(v).every((x, i) => x === i)).toBe(true);
  });
});

describe('persistent map', () => {
  it('behaves like a Map, and earlier versions stay unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer()), { maxLength: 400 }), (ops) => {
        let m: PMap<number> = emptyMap();
        const ref = new Map<string, number>();
        const versions: [PMap<number>, Map<string, number>][] = [];
        for (const [k, v] of ops) {
          m = mapSet(m, k, v);
          ref.set(k, v);
          versions.push([m, new Map(ref)]);
        }
        for (const [pm, rm] of versions.slice(-5)) {
          expect(pm.size).toBe(rm.size);
          for (const [k, v] of rm) expect(mapGet(pm, k)).toBe(v);
        }
        expect(mapGet(m, 'not-a-key-of-at-most-4')).toBeUndefined();
      }),
      { numRuns: 100, seed: 19 },
    );
  });

  it('keeps keys with equal hashes apart', () => {
    // "Aa" and "BB" collide in Java's hash, not FNV; force depth by many keys instead.
    let m: PMap<string> = emptyMap();
    for (let i = 0; i < 20_000; i++) m = mapSet(m, `k${i}`, `v${i}`);
    expect(m.size).toBe(20_000);
    for (let i = 0; i < 20_000; i += 997) expect(mapGet(m, `k${i}`)).toBe(`v${i}`);
  });
});
