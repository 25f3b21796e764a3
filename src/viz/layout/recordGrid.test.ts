import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { layoutBroker } from './brokerLayout';
import { gridRowsOf, inGrid, moveInGrid, nearestOffset, tabStopOf, type GridRow, type RecordRef } from './recordGrid';

const rows: GridRow[] = [
  { topic: 'orders', partition: 0, offsets: [0, 1, 2, 3] },
  { topic: 'orders', partition: 2, offsets: [0, 1] },
  { topic: 'payments', partition: 0, offsets: [5, 9, 12] },
];
const r = (topic: string, partition: number, offset: number): RecordRef => ({ topic, partition, offset });

describe('record grid navigation', () => {
  it('moves along a partition with ←/→ and stops at its ends', () => {
    expect(moveInGrid(rows, r('orders', 0, 1), 'ArrowRight')).toEqual(r('orders', 0, 2));
    expect(moveInGrid(rows, r('orders', 0, 1), 'ArrowLeft')).toEqual(r('orders', 0, 0));
    expect(moveInGrid(rows, r('orders', 0, 0), 'ArrowLeft')).toEqual(r('orders', 0, 0));
    expect(moveInGrid(rows, r('orders', 0, 3), 'ArrowRight')).toEqual(r('orders', 0, 3));
  });

  it('moves between partitions (across topics) with ↑/↓ to the same or nearest offset', () => {
    expect(moveInGrid(rows, r('orders', 0, 1), 'ArrowDown')).toEqual(r('orders', 2, 1));
    expect(moveInGrid(rows, r('orders', 0, 3), 'ArrowDown')).toEqual(r('orders', 2, 1));
    expect(moveInGrid(rows, r('orders', 2, 1), 'ArrowDown')).toEqual(r('payments', 0, 5));
    expect(moveInGrid(rows, r('payments', 0, 12), 'ArrowUp')).toEqual(r('orders', 2, 1));
    expect(moveInGrid(rows, r('orders', 0, 2), 'ArrowUp')).toEqual(r('orders', 0, 2));
    expect(moveInGrid(rows, r('payments', 0, 9), 'ArrowDown')).toEqual(r('payments', 0, 9));
    // A tie goes to the earlier offset.
    expect(nearestOffset([5, 9, 12], 7)).toBe(5);
  });

  it('goes to the first and last record with Home/End, of the grid with Ctrl', () => {
    expect(moveInGrid(rows, r('payments', 0, 9), 'Home')).toEqual(r('payments', 0, 5));
    expect(moveInGrid(rows, r('payments', 0, 9), 'End')).toEqual(r('payments', 0, 12));
    expect(moveInGrid(rows, r('orders', 2, 1), 'Home', true)).toEqual(r('orders', 0, 0));
    expect(moveInGrid(rows, r('orders', 2, 1), 'End', true)).toEqual(r('payments', 0, 12));
  });

  it('leaves other keys alone', () => {
    for (const key of ['Enter', ' ', 'Tab', 'PageDown', 'a'])
      expect(moveInGrid(rows, r('orders', 0, 1), key)).toBeNull();
  });

  it('keeps one tab stop: the active record, else the nearest in its partition, else the selected, else the first', () => {
    expect(tabStopOf(rows, r('orders', 2, 0), r('orders', 0, 1))).toEqual(r('orders', 2, 0));
    expect(tabStopOf(rows, null, r('orders', 0, 1))).toEqual(r('orders', 0, 1));
    expect(tabStopOf(rows, r('payments', 0, 4), r('orders', 0, 1))).toEqual(r('payments', 0, 5));
    expect(tabStopOf(rows, r('gone', 0, 1), r('orders', 0, 1))).toEqual(r('orders', 0, 1));
    expect(tabStopOf(rows, r('gone', 0, 1), r('gone', 0, 2))).toEqual(r('orders', 0, 0));
    expect(tabStopOf(rows, null)).toEqual(r('orders', 0, 0));
    expect(tabStopOf([], r('orders', 0, 1))).toBeNull();
    expect(inGrid(rows, r('orders', 2, 3))).toBe(false);
  });

  it('has a row per partition that shows records, in the order they are drawn', () => {
    const scenario = findBuiltin('pubsub-basics')!;
    const stepper = new Stepper(scenario, []);
    const { world, effects } = stepper.at(stepper.lastStep);
    const t = scenario.topology;
    const model = layoutBroker({
      broker: world.broker,
      effects,
      producers: t.producers,
      groups: t.groups,
      services: t.services ?? [],
      relay: t.relay !== undefined,
      width: 1200,
      expanded: new Set(),
    });
    const grid = gridRowsOf(model.topics);
    const shown = model.topics.flatMap((tp) => tp.partitions.filter((p) => p.cells.length > 0));
    expect(grid.map((g) => `${g.topic}-${g.partition}`)).toEqual(shown.map((p) => `${p.topic}-${p.partition}`));
    expect(grid.every((g) => g.offsets.every((o, i) => i === 0 || o > g.offsets[i - 1]!))).toBe(true);
  });
});
