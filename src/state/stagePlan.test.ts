import { describe, expect, it } from 'vitest';
import type { Effect } from '../engine/types';
import { allBuiltins } from '../scenarios/content';
import { Stepper } from '../scenarios/stepper';
import { planStages, stageKindOf, stagesMs } from './stagePlan';

const appended = (topic: string, partition: number, offset: number, eventId: string | null = null): Effect => ({
  kind: 'record-appended',
  topic,
  partition,
  offset,
  key: 'k',
  producerId: 'checkout',
  eventId,
  choice: { kind: 'explicit', partition },
  reason: `appended at ${offset}`,
});
const committed = (partition: number, offset: number): Effect => ({
  kind: 'offset-committed',
  groupId: 'billing',
  topic: 'orders',
  partition,
  offset,
  previous: null,
  reason: 'committed',
});
const lag = (partition: number): Effect => ({
  kind: 'lag-changed',
  groupId: 'billing',
  topic: 'orders',
  partition,
  lag: 0,
  reason: 'lag',
});
const kinds = (effects: Effect[]) => planStages(effects).map((s) => s.kind);

describe('planStages', () => {
  it('shows a record travelling before it lands: send, then land, over the same effects', () => {
    const stages = planStages([appended('orders', 0, 3), appended('orders', 1, 0)]);
    expect(stages.map((s) => [s.kind, s.effects])).toEqual([
      ['send', [0, 1]],
      ['land', [0, 1]],
    ]);
    expect(stages[0]!.summary).toBe('checkout sends 2 records');
    expect(stages[1]!.summary).toBe('Lands at orders-0 @3 and orders-1 @0');
  });

  it('puts the relay before the records it produces, one relay stage for a batch', () => {
    const relayed = (id: string, offset: number): Effect => ({
      kind: 'event-relayed',
      eventId: id,
      position: offset,
      topic: 'orders',
      partition: 0,
      offset,
      reason: 'relayed',
    });
    const effects = [
      appended('orders', 0, 0, 'e1'),
      relayed('e1', 0),
      appended('orders', 0, 1, 'e2'),
      relayed('e2', 1),
    ];
    expect(planStages(effects).map((s) => [s.kind, s.effects])).toEqual([
      ['relay', [1, 3]],
      ['send', [0, 2]],
      ['land', [0, 2]],
    ]);
  });

  it('folds per-partition commits and their lag changes into one commit stage and one lag stage', () => {
    expect(kinds([committed(0, 1), lag(0), committed(1, 2), lag(1)])).toEqual(['commit', 'lag']);
    expect(planStages([committed(0, 1), lag(0), committed(1, 2), lag(1)])[0]!.summary).toBe(
      'billing commits on 2 partitions',
    );
  });

  it('keeps causal order across different kinds: a commit after a rebalance stays after it', () => {
    const joined: Effect = { kind: 'member-joined', groupId: 'billing', memberId: 'b2', reason: 'joined' };
    expect(kinds([committed(0, 1), joined, committed(1, 1)])).toEqual(['commit', 'members', 'commit']);
  });

  it('leaves bookkeeping out: the clock moving and a question being asked are not stages', () => {
    const tick: Effect = { kind: 'time-advanced', from: 0, to: 1000, reason: 'time' };
    expect(stageKindOf(tick)).toBeNull();
    expect(planStages([tick])).toEqual([]);
  });

  it('gives every stage of every built-in step a summary, and every effect that is not bookkeeping a stage', () => {
    for (const scenario of allBuiltins()) {
      const stepper = new Stepper(scenario, []);
      for (let k = 1; k <= stepper.lastStep; k++) {
        const { effects } = stepper.at(k);
        const stages = planStages(effects);
        for (const s of stages) expect(s.summary, `${scenario.id} step ${k} ${s.kind}`).not.toBe('');
        const covered = new Set(stages.flatMap((s) => s.effects));
        effects.forEach((e, i) => {
          if (stageKindOf(e) !== null) expect(covered.has(i), `${scenario.id} step ${k}: ${e.kind}`).toBe(true);
        });
        // Stage order follows the effects: each stage starts at or after the previous one's first effect,
        // except the relay, which is placed before the appends it caused.
        expect(stages.length, `${scenario.id} step ${k}`).toBeLessThanOrEqual(14);
      }
    }
  });

  it('times the stages: faster at higher speeds, a fixed short highlight each with reduced motion', () => {
    const stages = planStages([appended('orders', 0, 3), committed(0, 4), lag(0)]);
    const normal = stagesMs(stages, { speed: 1, reducedMotion: false });
    expect(stagesMs(stages, { speed: 2, reducedMotion: false })).toBe(Math.round(normal / 2));
    expect(stagesMs(stages, { speed: 1, reducedMotion: true })).toBe(stages.length * 300);
  });
});

describe('queue stage summaries', () => {
  it('say what happened to how many messages, without the generated message ids', () => {
    const effects: Effect[] = [
      {
        kind: 'queue-delivered',
        queue: 'shipping-tasks',
        messageId: 'msg-fd7c17ac',
        consumerId: 'worker-1',
        attempt: 1,
        reason: 'x',
      },
      { kind: 'queue-acked', queue: 'shipping-tasks', messageId: 'msg-fd7c17ac', consumerId: 'worker-1', reason: 'x' },
    ];
    const [stage] = planStages(effects);
    expect(stage!.summary).toBe(
      'shipping-tasks: 1 message delivered to worker-1, 1 message acked (removed from the queue)',
    );
    expect(stage!.summary).not.toMatch(/msg-/);
  });
});
