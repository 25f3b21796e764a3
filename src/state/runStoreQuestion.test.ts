/**
 * The question a run's store asks (questionOf) and the "not asked" line's source (questionNotAskedOf): a branch
 * that changed what a question is about does not ask it, so playback does not wait for it and no answer to it can
 * be given or recorded; the original run asks it.
 */
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import { Stepper } from '../scenarios/stepper';
import { questionNotAskedOf, questionOf } from './runStore';

describe('questionOf', () => {
  const s = findBuiltin('cqrs-orders')!;

  it('the original run asks "the warehouse shipped order 1001 a step ago" at step 9', () => {
    const main = new Stepper(s, []);
    expect(questionOf(main, 9)?.prompt).toMatch(/The warehouse shipped order 1001 a step ago/);
    expect(questionNotAskedOf(main, 9)).toBeNull();
  });

  it('a branch where warehouse-1 left its group does not ask it, and says whose story it is about', () => {
    const branch = new Stepper(s, [
      { kind: 'remove-consumer', atStep: 4, groupId: 'warehouse', memberId: 'warehouse-1' },
    ]);
    expect(questionOf(branch, 10)).toBeNull();
    expect(questionNotAskedOf(branch, 10)).toBe('original');
    // A step without a question has nothing to say.
    expect(questionNotAskedOf(branch, 9)).toBeNull();
  });
});
