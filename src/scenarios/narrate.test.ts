/**
 * A learner's own step is headed by what happened: an action the system refused is titled as tried and refused
 * (walkthrough: Pub/sub, Reset offsets at step 5 was headed "You reset billing's offsets on orders" over
 * "…can only be reset while it has no members…"), and its sentences keep identifiers in their own case.
 */
import { describe, expect, it } from 'vitest';
import { findBuiltin } from './content';
import { Stepper } from './stepper';

describe("a learner's step", () => {
  const s = findBuiltin('pubsub-basics')!;

  it('refused: titled as tried, the refusal as its text', () => {
    const run = new Stepper(s, [
      { kind: 'reset-group', atStep: 4, groupId: 'billing', topic: 'orders', to: 'earliest' },
    ]);
    const { narration } = run.at(5);
    expect(narration.title).toBe("You tried to reset billing's offsets on orders: refused");
    expect(narration.text).toMatch(/can only be reset while it has no members/);
  });

  it('done: titled as done, an identifier starting a sentence keeps its case', () => {
    const run = new Stepper(s, [{ kind: 'remove-consumer', atStep: 4, groupId: 'billing', memberId: 'billing-2' }]);
    const { narration } = run.at(5);
    expect(narration.title).toBe('You stopped billing-2 in billing');
    expect(narration.text).toMatch(/^billing-2 /);
    expect(narration.text).not.toMatch(/Billing-2/);
  });
});
