import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { laterPolls, noLaterPoll, scriptStepsBy } from './laterPolls';

const backpressure = findBuiltin('backpressure')!;

describe('a member’s polls still ahead in the story', () => {
  it('counts poll-batch steps, from the script steps a run has played (its learner inputs are steps too)', () => {
    // packer-c polls (poll-batch) at script steps 11 and 14.
    expect(laterPolls(backpressure, 8, 'packing', 'packer-c')).toEqual([11, 14]);
    const inputs = [{ kind: 'pause-consumer', atStep: 9, groupId: 'packing', memberId: 'packer-a', steps: 1 } as const];
    // Run step 14 of that branch is script step 13: packer-c's poll at 14 is still ahead.
    expect(scriptStepsBy(backpressure, inputs, 14)).toBe(13);
    expect(
      noLaterPoll('Slow consumer', backpressure, scriptStepsBy(backpressure, inputs, 14), 'packing', 'packer-c'),
    ).toBeNull();
    expect(noLaterPoll('Crash consumer', backpressure, 14, 'packing', 'packer-c')).toBe(
      'packer-c does not poll again in this story (no later step of packing polls for it), so a crash set for its next poll would never happen. Choose a member that polls later, or crash it now.',
    );
  });
});
