import { describe, expect, it } from 'vitest';
import type { Effect } from '../../engine/types';
import { describeEffects, summarise } from './effectItems';

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
