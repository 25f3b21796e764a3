import { describe, expect, it } from 'vitest';
import { clientOf } from '../../engine/broker';
import type { Effect, LearnerInput } from '../../engine/types';
import { findBuiltin } from '../content';
import type { ScenarioDef } from '../schema';
import { Stepper } from '../stepper';
import { ofKind } from './faults.testkit';

// Publish/subscribe basics with analytics-1 started as a static member (group.instance.id) whose
// max.poll.interval.ms is 60 s: step 1 starts it, 2–5 publish, 6 billing-1 polls, 7 billing-2, 8 analytics-1,
// 9–10 publish, 11 billing-1, 12 analytics-1. A fault at step 5 is run step 6; the script goes on one step later.
function staticAnalytics(): ScenarioDef {
  const base = findBuiltin('pubsub-basics')!;
  const groups = base.topology.groups.map((g) => (g.id === 'analytics' ? { ...g, members: [] } : g));
  const start: ScenarioDef['steps'][number] = {
    title: 'analytics-1 starts',
    narration: 'A static member with its own poll interval.',
    action: {
      kind: 'start-consumer',
      group: 'analytics',
      member: 'analytics-1',
      groupInstanceId: 'analytics-1',
      maxPollIntervalMs: 60_000,
    },
  };
  const steps = [start, ...base.steps].map(({ expect: _checked, ...step }) => step);
  return { ...base, topology: { ...base.topology, groups }, steps } as ScenarioDef;
}

const slow = (processingMs: number): LearnerInput => ({
  kind: 'slow-consumer',
  atStep: 5,
  groupId: 'analytics',
  memberId: 'analytics-1',
  processingMs,
});
const pollOps = (effects: readonly Effect[]) => ofKind(effects, 'consumer-changed').map((e) => e.op);

describe('Slow consumer, timed by the engine’s poll loop', () => {
  it('given a static member whose batch outlasts its own max.poll.interval.ms but not its session, then it sends no LeaveGroup, nothing rebalances, its commit fails, and its next poll gets its partitions back without a rebalance', () => {
    const stepper = new Stepper(staticAnalytics(), [slow(90_000)]);
    expect(ofKind(stepper.at(6).effects, 'fault-injected')[0]!.reason).toMatch(
      /longer than its max\.poll\.interval\.ms \(60000 ms\).*sends no LeaveGroup/,
    );
    const struck = stepper.at(9).effects;
    expect(pollOps(struck)).toEqual(['poll-timeout']);
    expect(ofKind(struck, 'member-left')).toEqual([]);
    expect(ofKind(struck, 'rebalance-completed')).toEqual([]);
    expect(ofKind(struck, 'request-rejected')[0]!.reason).toMatch(/CommitFailedException/);
    const after = stepper.at(9).world.broker;
    expect(after.groups.analytics!.members['analytics-1']).toBeDefined();
    expect(clientOf(after, 'analytics', 'analytics-1')!.status).toBe('unjoined');
    const back = stepper.at(13).effects;
    expect(pollOps(back)).toEqual(['static-rejoined']);
    expect(ofKind(back, 'rebalance-completed')).toEqual([]);
    expect(ofKind(back, 'record-processed').length).toBeGreaterThan(0);
    expect(clientOf(stepper.at(13).world.broker, 'analytics', 'analytics-1')!.status).toBe('stable');
  });

  it('given a static member whose batch outlasts its session too, then the coordinator evicts it (a rebalance) and its next poll joins again', () => {
    const stepper = new Stepper(staticAnalytics(), [slow(200_000)]);
    const struck = stepper.at(9).effects;
    expect(ofKind(struck, 'member-crashed')[0]!.reason).toMatch(/session\.timeout\.ms/);
    expect(ofKind(struck, 'member-left')).toEqual([]);
    expect(stepper.at(9).world.broker.groups.analytics!.members['analytics-1']).toBeUndefined();
    expect(ofKind(stepper.at(13).effects, 'member-joined').map((e) => e.memberId)).toEqual(['analytics-1']);
  });

  it('given a batch within the default interval but past the member’s own 60 s, then the member’s own setting decides', () => {
    const stepper = new Stepper(staticAnalytics(), [slow(61_000)]);
    expect(pollOps(stepper.at(9).effects)).toEqual(['poll-timeout']);
    const within = new Stepper(staticAnalytics(), [slow(59_000)]);
    expect(pollOps(within.at(9).effects)).toEqual([]);
    expect(ofKind(within.at(9).effects, 'offset-committed').length).toBeGreaterThan(0);
  });
});
