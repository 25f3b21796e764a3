import { describe, expect, it } from 'vitest';
import { stepHolding } from './appends';

describe('stepHolding', () => {
  const counts = [0, 0, 1, 3, 3, 4]; // events held by the world at steps 0…5
  const at = (k: number) => counts[k]!;
  it('finds the first step whose world holds exactly that many events', () => {
    expect(stepHolding(0, 5, at)).toBe(0);
    expect(stepHolding(3, 5, at)).toBe(3);
    expect(stepHolding(4, 5, at)).toBe(5);
  });
  it('is -1 for a count no step holds (between two steps, or beyond the last)', () => {
    expect(stepHolding(2, 5, at)).toBe(-1);
    expect(stepHolding(9, 5, at)).toBe(-1);
  });
});
