import { describe, expect, it } from 'vitest';
import { committedOffset } from '../../engine/broker';
import { ofKind, runOf } from '../faults/faults.testkit';

// Consumer groups and rebalancing: step 12 is ship-2's poll of orders-1 that processes order-1006 (offset 1) and
// commits nothing. A crash set at step 11 is run step 12; ship-2's poll is run step 13 and the crash strikes there.
const ship2 = { groupId: 'shipping', memberId: 'ship-2' } as const;

describe('a consumer that crashes in its poll, before committing', () => {
  const run = runOf('consumer-groups-rebalancing', [{ kind: 'crash-consumer-before-commit', atStep: 11, ...ship2 }]);

  it('says which records were processed but not committed, from the group state, never that its offsets were committed', () => {
    const crashed = ofKind(run.effects(13), 'member-crashed');
    expect(crashed).toHaveLength(1);
    const reason = crashed[0]!.reason;
    expect(committedOffset(run.at(13).world.broker, 'shipping', 'orders', 1)).toBe(1);
    expect(reason).toContain(
      'orders-1 restarts from its committed offset 1, so orders-1@1, fetched but not committed, is delivered again',
    );
    expect(reason).not.toMatch(/already committed/);
  });

  it('is evicted session.timeout.ms after the crash: the clock moves on 45 s in that step, and says so', () => {
    const before = run.at(12).world.time;
    const after = run.at(13).world.time;
    expect(after - before).toBe(run.scenario.stepMs + 45_000);
    const moved = ofKind(run.effects(13), 'time-advanced');
    expect(moved.map((e) => e.to - e.from)).toEqual([45_000]);
    expect(moved[0]!.reason).toBe('45 seconds pass with no heartbeat from ship-2 (its session.timeout.ms)');
    expect(ofKind(run.effects(13), 'member-crashed')[0]!.reason).toMatch(
      /^ship-2 crashed before committing the 1 record it processed, and sends no more heartbeats; session\.timeout\.ms \(45 s by default\) later, with none received, the coordinator evicts it/,
    );
    expect(run.at(13).world.broker.groups.shipping!.members['ship-2']).toBeUndefined();
  });

  it("the failure lab's crash now is evicted after the session too: the clock moves on 45 s in that step", () => {
    const now = runOf('consumer-groups-rebalancing', [{ kind: 'crash-consumer', atStep: 11, ...ship2 }]);
    expect(now.at(12).world.time - now.at(11).world.time).toBe(now.scenario.stepMs + 45_000);
    expect(ofKind(now.effects(12), 'member-crashed')[0]!.reason).toMatch(
      /^ship-2 crashed and sends no more heartbeats; session\.timeout\.ms \(45 s by default\) later/,
    );
  });
});
