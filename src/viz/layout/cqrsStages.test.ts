import { describe, expect, it } from 'vitest';
import type { Effect } from '../../engine/types';
import { layoutCqrsOverview } from './cqrsStages';

describe('layoutCqrsOverview', () => {
  it('lights the stages a command travelled through and the arrows between lit neighbours', () => {
    const effects: Effect[] = [
      {
        kind: 'command-accepted',
        commandId: 'c',
        commandType: 'PlaceOrder',
        streamId: 'order-1',
        eventIds: ['e'],
        reason: 'ok',
      },
      {
        kind: 'event-stored',
        streamId: 'order-1',
        revision: 0,
        position: 1,
        eventId: 'e',
        eventType: 'OrderPlaced',
        reason: 'stored',
      },
      { kind: 'event-relayed', eventId: 'e', position: 1, topic: 'orders', partition: 0, offset: 0, reason: 'relayed' },
    ];
    const m = layoutCqrsOverview(effects);
    expect(m.stages.filter((s) => s.lit).map((s) => s.id)).toEqual(['command', 'aggregate', 'store', 'relay']);
    expect(m.arrows.filter((a) => a.lit).map((a) => a.id)).toEqual([
      'command-aggregate',
      'aggregate-store',
      'store-relay',
    ]);
    expect(m.summary).toBe('this step: command → aggregate → event store → relay');
  });

  it('marks a rejected command and a stale query as problems', () => {
    const m = layoutCqrsOverview([
      { kind: 'command-rejected', commandId: 'c', commandType: 'ShipOrder', streamId: 'order-1', reason: 'not paid' },
      { kind: 'query-answered', readModel: 'orders', rowKey: '1', stale: true, behindBy: 1, reason: 'stale' },
    ]);
    expect(m.stages.filter((s) => s.problem).map((s) => s.id)).toEqual(['command', 'aggregate', 'queries']);
    expect(m.summary).toBe('this step: command (1 refused) → aggregate (1 refused) → queries (1 stale)');
    expect(m.stages.find((s) => s.id === 'queries')!.problemCount).toBe(1);
  });

  it('places seven boxes left to right without overlap and says when nothing happened', () => {
    const m = layoutCqrsOverview([]);
    expect(m.stages).toHaveLength(7);
    for (let i = 1; i < m.stages.length; i++)
      expect(m.stages[i]!.x).toBeGreaterThan(m.stages[i - 1]!.x + m.stages[i - 1]!.width);
    expect(m.summary).toBe('this step: nothing on the CQRS path');
  });
});
