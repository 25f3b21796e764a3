import { describe, expect, it } from 'vitest';
import type { Effect } from '../../engine/types';
import { findBuiltin } from '../../scenarios/content';
import { Stepper } from '../../scenarios/stepper';
import { planStages } from '../../state/stagePlan';
import { describeEffects, describeStages, stagePlayState, summarise, withoutIds } from './effectItems';

const effects: Effect[] = [
  {
    kind: 'event-stored',
    streamId: 'order-1',
    revision: 0,
    position: 1,
    eventId: 'e1',
    eventType: 'OrderPlaced',
    reason: 'stored as revision 0',
  },
  { kind: 'append-conflict', streamId: 'order-1', expected: 0, actual: 1, reason: 'the stream moved' },
  { kind: 'query-answered', readModel: 'orders', rowKey: '1', stale: true, behindBy: 2, reason: 'stale by 2' },
  { kind: 'query-answered', readModel: 'orders', rowKey: '1', stale: false, behindBy: 0, reason: 'fresh' },
  {
    kind: 'record-dead-lettered',
    groupId: 'g',
    memberId: 'm',
    topic: 't',
    partition: 0,
    offset: 3,
    deadLetterTopic: 't.dlq',
    attempts: 3,
    reason: 'gave up',
  },
  { kind: 'fault-injected', fault: 'rebuild', target: 'orders', reason: 'rebuilt' },
];

describe('describeEffects', () => {
  it('keeps the order and the reason, labels each kind and marks problems and stale reads', () => {
    const items = describeEffects(effects);
    expect(items.map((i) => [i.label, i.tone, i.reason])).toEqual([
      ['stored', 'normal', 'stored as revision 0'],
      ['conflict', 'problem', 'the stream moved'],
      ['stale query', 'warning', 'stale by 2'],
      ['query', 'normal', 'fresh'],
      ['dead letter', 'problem', 'gave up'],
      ['rebuild', 'normal', 'rebuilt'],
    ]);
    expect(new Set(items.map((i) => i.key)).size).toBe(items.length);
    expect(summarise(items)).toEqual({ total: 6, problems: 2, warnings: 1 });
  });

  it('is empty for a step that did nothing', () => {
    expect(describeEffects([])).toEqual([]);
  });

  it('a cleaner visit that cleaned nothing is labelled "not cleaned", not "compacted"', () => {
    const visit = (removedOffsets: number[]): Effect => ({
      kind: 'records-compacted',
      topic: 't',
      partition: 0,
      removedOffsets,
      tombstonesRemoved: [],
      reason: 'the log cleaner looked at t-0',
    });
    expect(describeEffects([visit([])])[0]!.label).toBe('not cleaned');
    expect(describeEffects([visit([0, 1])])[0]!.label).toBe('compacted');
  });
});

describe('describeStages: one line per stage', () => {
  const pubsub = new Stepper(findBuiltin('pubsub-basics')!, []);

  it('lists the stage summaries in the plan’s order, each effect once, under the stage of its kind', () => {
    const { effects } = pubsub.at(5);
    const stages = planStages(effects);
    const items = describeStages(effects);
    expect(items.map((i) => i.line)).toEqual(stages.map((s) => s.summary));
    expect(items.map((i) => i.stage)).toEqual(stages.map((_, k) => k));
    expect(items.flatMap((i) => i.effects.map((e) => e.key)).sort()).toEqual(
      describeEffects(effects)
        .map((e) => e.key)
        .sort(),
    );
    for (const item of items) for (const e of item.effects) expect(e.reason.length).toBeGreaterThan(0);
  });

  it('a record’s hash arithmetic sits under where it lands; its send is a plain line', () => {
    const items = describeStages(pubsub.at(1).effects);
    expect(items.map((i) => [i.kind, i.line, i.effects.length])).toEqual([
      ['send', 'checkout sends 1 record', 0],
      ['land', 'Lands at orders-1 @0', 1],
    ]);
    expect(items[1]!.effects[0]!.reason).toMatch(/^murmur2\('order-1'\)/);
  });

  it('keeps generated ids out of the line (they are in the expansion) and takes the worst tone', () => {
    const effects: Effect[] = [
      { kind: 'time-advanced', from: 0, to: 31_000, reason: '31 seconds pass' },
      {
        kind: 'queue-enqueued',
        queue: 'q',
        messageId: 'msg-fd7c17ac',
        reason: 'msg-fd7c17ac joined the back of queue q',
      },
      {
        kind: 'queue-nacked',
        queue: 'q',
        messageId: 'msg-fd7c17ac',
        consumerId: 'w',
        reason: 'w rejected msg-fd7c17ac',
      },
    ];
    const items = describeStages(effects);
    expect(items.map((i) => [i.kind, i.stage, i.line, i.tone])).toEqual([
      ['time', null, '31 seconds pass', 'normal'],
      ['queue', 0, 'q: 1 message enqueued, 1 message nacked', 'warning'],
    ]);
    expect(items[1]!.effects.map((e) => e.reason)).toEqual([
      'msg-fd7c17ac joined the back of queue q',
      'w rejected msg-fd7c17ac',
    ]);
    expect(withoutIds('billing-1 processed event 617c9b83-02e8-4b88-b3c5-d6880c8a0e55 from orders-0@0')).toBe(
      'billing-1 processed an event from orders-0@0',
    );
    expect(withoutIds('worker-1 took msg-fd7c17ac')).toBe('worker-1 took a message');
  });

  it('is empty for a step that did nothing', () => {
    expect(describeStages([])).toEqual([]);
  });
});

describe('stagePlayState: the line of the stage on screen while a step plays', () => {
  it('is now for the stage on screen, upcoming after it, shown before it', () => {
    expect([0, 1, 2, 3].map((k) => stagePlayState(k, 1))).toEqual(['shown', 'now', 'upcoming', 'upcoming']);
  });
  it('is shown for every line once the step is fully shown, and for lines that are not stages', () => {
    expect([0, 1].map((k) => stagePlayState(k, null))).toEqual(['shown', 'shown']);
    expect(stagePlayState(null, 0)).toBe('shown');
  });
});
