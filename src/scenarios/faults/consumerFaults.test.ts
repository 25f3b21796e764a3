import { describe, expect, it } from 'vitest';
import { committedOffset, lagOf } from '../../engine/broker';
import { ofKind, processedBy, runOf } from './faults.testkit';

// Publish/subscribe basics: steps 1–4 publish, 5 billing-1 polls, 6 billing-2, 7 analytics-1, 8–9 publish,
// 10 billing-1, 11 analytics-1. A fault at step 4 is run step 5; the script goes on one step later.
const billing1 = { groupId: 'billing', memberId: 'billing-1' } as const;

describe('Crash consumer before its commit', () => {
  it('given billing-1 set to crash, when it polls, then it processes, dies uncommitted, and billing-2 processes the same offsets again', () => {
    const run = runOf('pubsub-basics', [{ kind: 'crash-consumer-before-commit', atStep: 4, ...billing1 }]);
    expect(ofKind(run.effects(5), 'fault-injected')[0]!.reason).toMatch(/before committing/);
    const crashStep = run.effects(6);
    const first = processedBy(crashStep, 'billing-1');
    expect(first.length).toBeGreaterThan(0);
    expect(ofKind(crashStep, 'member-crashed')[0]!.reason).toMatch(/crashed before committing/);
    expect(ofKind(crashStep, 'offset-committed')).toEqual([]);
    const again = run.effects(7);
    expect(processedBy(again, 'billing-2')).toEqual(expect.arrayContaining(first));
    expect(ofKind(again, 'record-processed').filter((e) => e.duplicate)).toHaveLength(first.length);
  });

  it('given the older "crash now", then it still evicts the member at once (the existing input is unchanged)', () => {
    const run = runOf('pubsub-basics', [{ kind: 'crash-consumer', atStep: 4, ...billing1 }]);
    expect(ofKind(run.effects(5), 'member-crashed')).toHaveLength(1);
  });
});

describe('Pause consumer', () => {
  it('given billing-1 paused for 5 steps, when it polls, then it fetches nothing, keeps its partitions, and the lag grows until it resumes', () => {
    const run = runOf('pubsub-basics', [{ kind: 'pause-consumer', atStep: 4, ...billing1, steps: 5 }]);
    const paused = run.effects(6);
    expect(ofKind(paused, 'records-fetched')).toEqual([]);
    expect(ofKind(paused, 'rebalance-started')).toEqual([]);
    expect(ofKind(paused, 'fault-injected')[0]!.reason).toMatch(/is paused: its poll\(\) returns no records/);
    const w = run.at(10).world.broker;
    expect(committedOffset(w, 'billing', 'orders', 1)).toBeNull();
    expect(w.groups.billing!.members['billing-1']!.assignment.length).toBe(2);
    const resumed = run.effects(11);
    expect(ofKind(resumed, 'fault-injected')[0]!.reason).toMatch(/resumes/);
    expect(processedBy(resumed, 'billing-1').length).toBeGreaterThan(0);
    expect(lagOf(run.at(11).world.broker, 'billing', 'orders', 1)).toBe(0);
  });
});

describe('Slow consumer', () => {
  it('given a batch that takes 10 minutes, when billing-1 polls, then it leaves past max.poll.interval.ms, the group rebalances, its commit fails, the records are processed again, and its next poll rejoins', () => {
    const run = runOf('pubsub-basics', [{ kind: 'slow-consumer', atStep: 4, ...billing1, processingMs: 600_000 }]);
    const slow = run.effects(6);
    const done = processedBy(slow, 'billing-1');
    expect(ofKind(slow, 'time-advanced')[0]!.to - ofKind(slow, 'time-advanced')[0]!.from).toBe(600_000);
    expect(ofKind(slow, 'member-left')[0]!.reason).toMatch(/max\.poll\.interval\.ms \(300000 ms/);
    expect(ofKind(slow, 'rebalance-completed')).toHaveLength(1);
    expect(ofKind(slow, 'request-rejected')[0]!.reason).toMatch(/CommitFailedException/);
    expect(processedBy(run.effects(7), 'billing-2')).toEqual(expect.arrayContaining(done));
    const back = run.effects(11);
    expect(ofKind(back, 'member-joined').map((e) => e.memberId)).toEqual(['billing-1']);
  });

  it('given a batch within max.poll.interval.ms, then the member stays, commits, and only the clock moves', () => {
    const run = runOf('pubsub-basics', [{ kind: 'slow-consumer', atStep: 4, ...billing1, processingMs: 60_000 }]);
    const slow = run.effects(6);
    expect(ofKind(slow, 'member-left')).toEqual([]);
    expect(ofKind(slow, 'offset-committed').length).toBeGreaterThan(0);
    expect(ofKind(slow, 'fault-injected')[0]!.reason).toMatch(/within max\.poll\.interval\.ms/);
    expect(run.at(6).world.time - run.at(5).world.time).toBe(60_000 + run.scenario.stepMs);
  });
});

describe('Duplicate delivery', () => {
  it('given a group that is not idempotent, when the commit is lost, then the same records are processed twice', () => {
    const run = runOf('pubsub-basics', [{ kind: 'duplicate-delivery', atStep: 4, ...billing1 }]);
    const step = ofKind(run.effects(6), 'record-processed');
    const dupes = step.filter((e) => e.duplicate);
    expect(dupes.length).toBe(step.length / 2);
    expect(dupes[0]!.reason).toMatch(/AGAIN/);
    expect(ofKind(run.effects(6), 'position-moved').length).toBeGreaterThan(0);
  });

  it('given an idempotent consumer (ride-sharing matching), then the duplicate is absorbed', () => {
    const run = runOf('ride-sharing', [
      { kind: 'duplicate-delivery', atStep: 3, groupId: 'matching', memberId: 'matching-1' },
    ]);
    const dupes = ofKind(run.effects(5), 'record-processed').filter((e) => e.duplicate);
    expect(dupes.length).toBeGreaterThan(0);
    for (const d of dupes) expect(d.reason).toMatch(/skipped it: an idempotent consumer/);
    expect(ofKind(run.effects(5), 'reaction-triggered').length).toBe(
      ofKind(runOf('ride-sharing', []).effects(4), 'reaction-triggered').length,
    );
  });
});

describe('a fault aimed at a member that is not there', () => {
  it('changes nothing and says why', () => {
    const run = runOf('pubsub-basics', [
      { kind: 'pause-consumer', atStep: 4, groupId: 'billing', memberId: 'nobody', steps: 2 },
    ]);
    expect(ofKind(run.effects(5), 'request-rejected')[0]!.reason).toMatch(/not a member/);
    expect(run.at(5).world.faults).toBeUndefined();
  });
});
