import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextInt, nextRandom, seedRng } from './random';

describe('seeded random', () => {
  it('is a pure function of its state', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const s = seedRng(seed);
        expect(nextRandom(s)).toEqual(nextRandom(s));
      }),
    );
  });

  it('stays in [0, 1) and ints stay in [0, bound)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 1000 }), (seed, bound) => {
        let s = seedRng(seed);
        for (let i = 0; i < 50; i++) {
          const [v, n] = nextRandom(s);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThan(1);
          const [k] = nextInt(s, bound);
          expect(k).toBeGreaterThanOrEqual(0);
          expect(k).toBeLessThan(bound);
          s = n;
        }
      }),
    );
  });

  it('spreads integers roughly uniformly', () => {
    let s = seedRng(42);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 60_000; i++) {
      const [k, n] = nextInt(s, 6);
      counts[k]! += 1;
      s = n;
    }
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500);
  });
});
