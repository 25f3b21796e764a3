import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { laterPoisonPolls, laterPolls, noLaterPoll, noPoisonPoll, scriptStepsBy } from './laterPolls';

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

describe('a topic a poison record can still fail on', () => {
  const rideSharing = findBuiltin('ride-sharing')!;

  it('counts only script polls of a group that reads the topic', () => {
    // rides is read by matching, pricing, payments, notifications and analytics; they poll at 13, 14, 17, 18, 19.
    expect(laterPoisonPolls(rideSharing, 12, 'rides')).toEqual([13, 14, 17, 18, 19]);
    expect(laterPoisonPolls(rideSharing, 12, 'rider-notifications')).toEqual([]);
    expect(noPoisonPoll(rideSharing, 12, 'rides')).toBeNull();
  });

  it('says why a topic no group reads, or no later poll reaches, can never fail', () => {
    expect(noPoisonPoll(rideSharing, 6, 'rider-notifications')).toBe(
      'No consumer group reads rider-notifications in this story, so a poison record there would never be fetched and fail. Choose a topic a group polls later.',
    );
    // cqrs-orders: warehouse reads orders and polls for the last time before step 9.
    expect(noPoisonPoll(findBuiltin('cqrs-orders')!, 9, 'orders')).toBe(
      'No later step of this story polls warehouse, the group that reads orders, so a poison record there would never be fetched and fail. Choose a topic a group polls later.',
    );
  });

  it('says when only a poll loop (poll-batch) reads it later: the loop models slow records, not failing ones', () => {
    expect(noPoisonPoll(backpressure, 8, 'orders')).toMatch(
      /^orders is polled later only by the poll loop \(poll-batch\) of packing, which models records that are slow to process, not records that fail/,
    );
  });
});
