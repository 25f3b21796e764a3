import { describe, expect, it } from 'vitest';
import type { ConsumerClient } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import { findBuiltin } from '../content';
import { Stepper } from '../stepper';
import { memberKey } from './faultState';
import { crashNowHint, slowFate, slowHint, type SlowFate } from './memberHints';
import { clientIn } from './slowBatch';

const backpressure = findBuiltin('backpressure')!;
const world = (id: string, step: number) => new Stepper(findBuiltin(id)!, []).at(step).world;

/** The effects of the step where a slow batch armed at `at` for the member struck (its fault-injected note). */
function struck(groupId: string, memberId: string, at: number, ms: number): readonly Effect[] {
  const run = new Stepper(backpressure, [{ kind: 'slow-consumer', atStep: at, groupId, memberId, processingMs: ms }]);
  for (let k = at + 2; k <= run.lastStep; k++) {
    const effects = run.at(k).effects;
    if (effects.some((e) => e.kind === 'fault-injected' && e.target === memberKey(groupId, memberId))) return effects;
  }
  throw new Error(`the slow batch of ${memberId} never struck`);
}

/** What the engine did at that step, in the hint's terms. */
function engineFate(effects: readonly Effect[], memberId: string): SlowFate {
  const mine = effects.filter((e) => 'memberId' in e && e.memberId === memberId);
  if (mine.some((e) => e.kind === 'member-crashed')) return 'evicted';
  if (mine.some((e) => e.kind === 'member-left')) return 'leaves';
  return mine.some((e) => e.kind === 'consumer-changed' && e.op === 'poll-timeout') ? 'held' : 'in-time';
}

describe('the consumer fault hints, in the chosen member’s own settings', () => {
  it('given a member on Kafka’s defaults (pub/sub basics), then the slow hint says 300 s by default, the crash hint 45 s by default', () => {
    const billing = clientIn(world('pubsub-basics', 4), 'billing', 'billing-1');
    expect(slowHint(billing, 600_000)).toBe(
      'Longer than max.poll.interval.ms (300 s by default): it will be removed from the group.',
    );
    expect(slowHint(billing, 300_000)).toBe(
      'Within max.poll.interval.ms (300 s by default): it stays in the group, just late.',
    );
    expect(crashNowHint(billing)).toBe(
      'It stops without a word: after session.timeout.ms (45 s by default) the coordinator evicts it and the group rebalances.',
    );
  });

  it('given Backpressure’s packers (max.poll.interval.ms 30 s), then the hint names their 30 s, not the default', () => {
    const w = world('backpressure', 9);
    expect(slowHint(clientIn(w, 'packing', 'packer-c'), 31_000)).toBe(
      "Longer than this member's max.poll.interval.ms (30 s): it will be removed from the group.",
    );
    expect(slowHint(clientIn(w, 'packing', 'packer-c'), 30_000)).toBe(
      "Within this member's max.poll.interval.ms (30 s): it stays in the group, just late.",
    );
    // packer-b is static (group.instance.id): no LeaveGroup; evicted only once its session (45 s) runs out too.
    expect(slowHint(clientIn(w, 'packing', 'packer-b'), 60_000)).toBe(
      "Longer than this member's max.poll.interval.ms (30 s): its commit fails, but a static member sends no LeaveGroup: it keeps its partitions, with no rebalance, as long as it polls again within session.timeout.ms (45 s by default) of that deadline.",
    );
    expect(slowHint(clientIn(w, 'packing', 'packer-b'), 75_000)).toMatch(
      /^Longer than this member's max\.poll\.interval\.ms \(30 s\): a static member sends no LeaveGroup, but session\.timeout\.ms \(45 s by default\) runs out before it polls again/,
    );
  });

  it('given a consumer started with its own session.timeout.ms, then the crash hint quotes it', () => {
    const own = { ...clientIn(world('pubsub-basics', 4), 'billing', 'billing-1'), sessionTimeoutMs: 10_000 };
    expect(crashNowHint(own satisfies ConsumerClient)).toBe(
      'It stops without a word: after its session.timeout.ms (10 s) the coordinator evicts it and the group rebalances.',
    );
  });

  it('decides in time, removed, held or evicted as the engine’s poll loop does, on both sides of each boundary', () => {
    const cases: [string, number, number][] = [
      // packer-c (dynamic) polls at script step 11; packer-b (static) at 15.
      ['packer-c', 9, 30_000],
      ['packer-c', 9, 31_000],
      ['packer-b', 13, 30_000],
      ['packer-b', 13, 31_000],
      ['packer-b', 13, 74_000],
      ['packer-b', 13, 75_000],
    ];
    const seen = cases.map(([memberId, at, ms]) => {
      const hinted = slowFate(clientIn(new Stepper(backpressure, []).at(at).world, 'packing', memberId), ms);
      expect(engineFate(struck('packing', memberId, at, ms), memberId), `${memberId}, ${ms} ms`).toBe(hinted);
      return hinted;
    });
    expect(seen).toEqual(['in-time', 'leaves', 'in-time', 'held', 'held', 'evicted']);
  });
});
