import { describe, expect, it } from 'vitest';
import { scoreOf, whatIfPasses } from './score';

const pass = { pass: true };
const fail = { pass: false };
const right = { correct: true };
const wrong = { correct: false };

describe('the score of a mock interview', () => {
  it('a what-if passes only with a right choice whose run (if any) passes', () => {
    expect(whatIfPasses({ choice: right, run: pass })).toBe(true);
    expect(whatIfPasses({ choice: right, run: null })).toBe(true);
    // A wrong strategy is not credited because the design it left unchanged passes the run.
    expect(whatIfPasses({ choice: wrong, run: pass })).toBe(false);
    expect(whatIfPasses({ choice: wrong, run: null })).toBe(false);
    // A right strategy on a design that fails the run is not credited either.
    expect(whatIfPasses({ choice: right, run: fail })).toBe(false);
    expect(whatIfPasses({ choice: null, run: pass })).toBe(false);
  });

  it('counts every rubric point, run and what-if once', () => {
    expect(scoreOf({ rubric: [pass, fail], runs: [pass], whatIfs: [{ choice: wrong, run: pass }] })).toEqual({
      passed: 2,
      total: 4,
    });
    expect(scoreOf({ rubric: [], runs: [], whatIfs: [] })).toEqual({ passed: 0, total: 0 });
  });
});
