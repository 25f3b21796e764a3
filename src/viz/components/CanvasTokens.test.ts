import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenPoint, type TokenVM } from '../layout/brokerLayout';
import { flightPaths, pointAt } from './CanvasTokens';

const pt = fc.record({
  x: fc.double({ min: -2000, max: 2000, noNaN: true }),
  y: fc.double({ min: -2000, max: 2000, noNaN: true }),
});
const token = fc
  .record({ from: pt, c1: pt, c2: pt, to: pt })
  .map((p, i = 0): TokenVM => ({ id: `t${i}`, kind: 'fetch', d: '', colour: '#123456', label: 'k', index: i, ...p }));

describe('canvas tokens follow the same curve as the SVG token (issue 14, performance)', () => {
  it('pointAt (no allocation) gives tokenPoint’s point for every token and every u', () => {
    fc.assert(
      fc.property(
        fc.array(token, { minLength: 1, maxLength: 5 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (tokens, u) => {
          const paths = flightPaths(tokens);
          const out = { x: 0, y: 0 };
          tokens.forEach((t, i) => {
            pointAt(paths, i, u, out);
            const want = tokenPoint(t, u);
            expect(out.x).toBeCloseTo(want.x, 6);
            expect(out.y).toBeCloseTo(want.y, 6);
          });
        },
      ),
    );
  });

  it('starts at the token’s source and ends at its target', () => {
    const t: TokenVM = {
      id: 'a',
      kind: 'produce',
      from: { x: 1, y: 2 },
      c1: { x: 5, y: 2 },
      c2: { x: 5, y: 9 },
      to: { x: 10, y: 9 },
      d: '',
      colour: '#000',
      label: '',
      index: 0,
    };
    const paths = flightPaths([t, t]);
    const out = { x: 0, y: 0 };
    pointAt(paths, 1, 0, out);
    expect(out).toEqual({ x: 1, y: 2 });
    pointAt(paths, 1, 1, out);
    expect(out).toEqual({ x: 10, y: 9 });
  });
});
