import { describe, expect, it } from 'vitest';
import type { Effect } from '../../engine/types';
import { checkpointText, layoutReadModels } from './readModels';

const specs = [
  { name: 'orders', title: 'Orders', columns: ['status', 'total', 'timeline'] },
  { name: 'stock', title: 'Stock', columns: ['onHand'] },
];
const states = {
  orders: {
    position: 7,
    rows: { '1001': { status: 'paid', total: 24, timeline: ['placed', 'paid'] }, '1002': { status: 'placed' } },
  },
};

describe('layoutReadModels', () => {
  it('turns rows into cells in column order and says how far the checkpoint is behind', () => {
    const [orders, stock] = layoutReadModels(specs, states, 9, []);
    expect(orders!.rows).toEqual([
      { key: '1001', cells: ['paid', '24', 'placed, paid'], changed: false, queried: false },
      { key: '1002', cells: ['placed', '—', '—'], changed: false, queried: false },
    ]);
    expect(orders!.checkpointText).toBe('applied up to position 7 of 9 — 2 behind');
    expect(orders!.behind).toBe(2);
    expect(stock!.rows).toEqual([]);
    expect(stock!.checkpoint).toBe(0);
  });

  it('highlights the rows this step changed and the stale query with its reason', () => {
    const effects: Effect[] = [
      {
        kind: 'projection-applied',
        projection: 'orders',
        position: 7,
        eventId: 'e7',
        rowKey: '1002',
        reason: 'applied',
      },
      {
        kind: 'query-answered',
        readModel: 'orders',
        rowKey: '1001',
        stale: true,
        behindBy: 2,
        reason: 'OrderShipped has not reached the read model yet',
      },
      { kind: 'query-answered', readModel: 'stock', rowKey: 'mug', stale: false, behindBy: 0, reason: 'fresh' },
    ];
    const [orders, stock] = layoutReadModels(specs, states, 9, effects);
    expect(orders!.rows.map((r) => [r.key, r.changed, r.queried])).toEqual([
      ['1001', false, true],
      ['1002', true, false],
    ]);
    expect(orders!.appliedThisStep).toBe(1);
    expect(orders!.query).toEqual({
      rowKey: '1001',
      stale: true,
      behindBy: 2,
      reason: 'OrderShipped has not reached the read model yet',
      rowMissing: false,
    });
    expect(stock!.query?.rowMissing).toBe(true);
  });

  it('words an up-to-date and an empty store', () => {
    expect(checkpointText(9, 9)).toBe('applied up to position 9 of 9 — up to date');
    expect(checkpointText(0, 0)).toBe('nothing stored yet');
  });
});
