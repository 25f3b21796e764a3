/** The options' order: seeded and stable, a shuffle of all seven, never a best fit first. */
import { describe, expect, it } from 'vitest';
import { PROFILES } from '../runs';
import { bestFits } from './grade';
import { optionOrder } from './order';
import { REQUIREMENT_SETS } from './sets';

describe('the order the brokers are offered in', () => {
  it('offers every broker once, the same order every time', () => {
    for (const s of REQUIREMENT_SETS) {
      expect([...optionOrder(s)].sort()).toEqual(PROFILES.map((p) => p.id).sort());
      expect(optionOrder(s)).toEqual(optionOrder(s));
    }
  });

  it('never puts a best fit first', () => {
    for (const s of REQUIREMENT_SETS) expect(bestFits(s), s.id).not.toContain(optionOrder(s)[0]);
  });

  it('differs between sets (a shuffle, not one fixed list)', () => {
    const orders = new Set(REQUIREMENT_SETS.map((s) => optionOrder(s).join()));
    expect(orders.size).toBeGreaterThan(REQUIREMENT_SETS.length / 2);
  });
});
