import { describe, expect, it } from 'vitest';
import { committedOffset } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import { faultAvailability } from './availability';
import { ofKind, processedBy, runOf } from './faults.testkit';

// Backpressure polls with poll-batch (the engine's poll loop): 1 start packer-a (max.poll.records 10, max.poll.interval.ms
// 30000), 2 a burst of 30 orders, 3 packer-a's batch (2 s a record), 4 a burst, 5 packer-a's batch, 6–8 packer-b (static),
// packer-c and packer-d start, 9 packer-a's batch. A fault at step k is run step k + 1; the script goes on one step later.
// Every step moves the clock 1 s before it runs (the stepper's tick), then a batch moves it by its time.
const TICK = 1000;
const packerA = { groupId: 'packing', memberId: 'packer-a' } as const;

describe('consumer faults strike a poll-batch (the engine poll loop) as they strike a poll', () => {
  it('given packer-a set to crash before committing at step 2, when its next poll-batch runs, then it processes the batch, crashes, commits nothing, and its restarted poll processes the same orders again', () => {
    const run = runOf('backpressure', [{ kind: 'crash-consumer-before-commit', atStep: 2, ...packerA }]);
    const crash = run.effects(4);
    expect(ofKind(crash, 'fault-injected').map((e) => e.fault)).toEqual(['crash-consumer']);
    const first = processedBy(crash, 'packer-a');
    expect(first).toHaveLength(10);
    expect(ofKind(crash, 'member-crashed')[0]!.reason).toMatch(/crashed before committing/);
    expect(ofKind(crash, 'offset-committed')).toEqual([]);
    const world = run.at(4).world;
    expect(world.broker.groups.packing!.members['packer-a']).toBeUndefined();
    expect(committedOffset(world.broker, 'packing', 'orders', 0)).toBeNull();
    // Its batch took its 20 s before the crash (the poll loop's own timing), then the coordinator waited its
    // session.timeout.ms (45 s) without a heartbeat before evicting it.
    expect(world.time - run.at(3).world.time).toBe(TICK + 20_000 + 45_000);
    expect(ofKind(crash, 'time-advanced').map((e) => e.to - e.from)).toContain(45_000);
    // Step 5's poll-batch: packer-a (its process restarted) rejoins and gets the same offsets from the last commit.
    const back = run.effects(6);
    expect(ofKind(back, 'member-joined').map((e) => e.memberId)).toEqual(['packer-a']);
    expect(processedBy(back, 'packer-a')).toEqual(first);
    expect(ofKind(back, 'record-processed').every((e) => e.duplicate)).toBe(true);
  });

  it('given the crash armed at step 8 (four packers), then packer-a crashes in step 9’s batch and the others share its partition from the committed offset', () => {
    const run = runOf('backpressure', [{ kind: 'crash-consumer-before-commit', atStep: 8, ...packerA }]);
    const before = run.at(9).world.broker;
    const owned = before.groups.packing!.members['packer-a']!.assignment.map((tp) => tp.partition);
    const crash = run.effects(10);
    expect(ofKind(crash, 'member-crashed').map((e) => e.memberId)).toEqual(['packer-a']);
    expect(ofKind(crash, 'offset-committed')).toEqual([]);
    const after = run.at(10).world.broker;
    expect(Object.keys(after.groups.packing!.members).sort()).toEqual(['packer-b', 'packer-c', 'packer-d']);
    const heirs = Object.values(after.groups.packing!.members).filter((m) =>
      m.assignment.some((tp) => owned.includes(tp.partition)),
    );
    expect(heirs).toHaveLength(owned.length);
    for (const p of owned)
      expect(committedOffset(after, 'packing', 'orders', p)).toBe(committedOffset(before, 'packing', 'orders', p));
  });

  it('given a slow batch of 60 s (past packer-a’s 30 s max.poll.interval.ms), then the poll loop times it out: LeaveGroup, CommitFailedException, the clock moves 60 s', () => {
    const run = runOf('backpressure', [{ kind: 'slow-consumer', atStep: 2, ...packerA, processingMs: 60_000 }]);
    const slow = run.effects(4);
    expect(processedBy(slow, 'packer-a')).toHaveLength(10);
    expect(ofKind(slow, 'member-left').map((e) => e.memberId)).toEqual(['packer-a']);
    expect(ofKind(slow, 'request-rejected')[0]!.reason).toMatch(/CommitFailedException/);
    expect(ofKind(slow, 'fault-injected')[0]!.reason).toMatch(/1 minute on its batch/);
    expect(run.at(4).world.time - run.at(3).world.time).toBe(TICK + 60_000);
  });

  it('given a slow batch within the deadline, then it commits and only its time changes', () => {
    const run = runOf('backpressure', [{ kind: 'slow-consumer', atStep: 2, ...packerA, processingMs: 10_000 }]);
    const slow = run.effects(4);
    expect(ofKind(slow, 'fault-injected')[0]!.reason).toMatch(/within its max\.poll\.interval\.ms/);
    expect(ofKind(slow, 'offset-committed').length).toBeGreaterThan(0);
    expect(run.at(4).world.time - run.at(3).world.time).toBe(TICK + 10_000);
  });

  it('given a duplicate delivery, then the batch is processed uncommitted, packer-a seeks back, and the records come again', () => {
    const run = runOf('backpressure', [{ kind: 'duplicate-delivery', atStep: 2, ...packerA }]);
    const dup = run.effects(4);
    const first = processedBy(dup, 'packer-a').slice(0, 10);
    expect(ofKind(dup, 'fault-injected')[0]!.fault).toBe('duplicate-delivery');
    expect(ofKind(dup, 'position-moved').length).toBeGreaterThan(0);
    // max.poll.records 10 round-robin over three partitions: the poll after the seek reads another partition first.
    expect(ofKind(dup, 'fault-injected')[0]!.reason).toMatch(/delivered a second time when orders-0 is fetched next/);
    const later = [5, 6, 7, 8, 9, 10, 11, 12, 13].flatMap((k) =>
      ofKind(run.effects(k), 'record-processed').map((e) => `${e.topic}:${e.partition}@${e.offset}`),
    );
    expect(later).toEqual(expect.arrayContaining(first));
  });

  it('given packer-a paused, then its poll-batch fetches nothing, it keeps its partitions, and it resumes after', () => {
    const run = runOf('backpressure', [{ kind: 'pause-consumer', atStep: 2, ...packerA, steps: 2 }]);
    const paused = run.effects(4);
    expect(ofKind(paused, 'record-processed')).toEqual([]);
    expect(ofKind(paused, 'fault-injected')[0]!.reason).toMatch(/is paused/);
    expect(run.at(4).world.broker.groups.packing!.members['packer-a']!.assignment).toHaveLength(3);
    const resumed = run.effects(6);
    expect(ofKind(resumed, 'fault-injected')[0]!.reason).toMatch(/resumes/);
    expect(processedBy(resumed, 'packer-a')).toHaveLength(10);
  });

  it('given a fault that is over before packer-a polls, then every poll-batch after it runs exactly as the script’s own', () => {
    const plain = runOf('backpressure', []);
    const run = runOf('backpressure', [{ kind: 'pause-consumer', atStep: 1, ...packerA, steps: 1 }]);
    expect(run.at(3).world.faults?.paused['packing/packer-a']).toBeDefined();
    // The fault's own step moved the clock one tick, so effects are compared by what they say, not their times.
    const told = (effects: readonly Effect[]) => effects.map((e) => `${e.kind}: ${e.reason}`);
    const resumed = run.effects(4);
    expect(resumed[0]).toMatchObject({ kind: 'fault-injected', fault: 'pause-consumer' });
    expect(told(resumed.slice(1))).toEqual(told(plain.effects(3)));
    for (let k = 5; k <= run.stepper.lastStep; k++)
      expect(told(run.effects(k)), `step ${k}`).toEqual(told(plain.effects(k - 1)));
  });

  it('given Backpressure’s poll loop, then the panel says a poison message would fail nowhere (the loop models slow records, not failing ones)', () => {
    const run = runOf('backpressure', []);
    expect(faultAvailability(run.scenario, run.at(8).world)['Poison message']).toMatch(
      /^This scenario’s consumers run the poll loop \(poll-batch\)/,
    );
    expect(faultAvailability(run.scenario, run.at(8).world)['Crash consumer']).toBeNull();
  });
});
