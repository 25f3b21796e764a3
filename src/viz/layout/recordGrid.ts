/**
 * Keyboard navigation of the broker view's partition logs, as one grid with a roving tab stop:
 * a row per partition that shows records (topic by topic), a cell per shown record.
 *   ←/→        previous / next record in the partition
 *   ↑/↓        the partition above / below, at the same offset or the nearest one
 *   Home/End   first / last record of the partition (with Ctrl: of the whole grid)
 * Pure: rows and a record in, the record to move to out.
 */
import type { TopicVM } from './brokerLayout';

export interface RecordRef {
  topic: string;
  partition: number;
  offset: number;
}

export interface GridRow {
  topic: string;
  partition: number;
  /** Offsets of the shown records, ascending. */
  offsets: readonly number[];
}

export type GridKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

export const GRID_KEYS: ReadonlySet<string> = new Set<GridKey>([
  'ArrowLeft',
  'ArrowRight',
  'ArrowUp',
  'ArrowDown',
  'Home',
  'End',
]);

/** One row per partition with shown records (an empty partition has nothing to move to). */
export const gridRowsOf = (topics: readonly TopicVM[]): GridRow[] =>
  topics.flatMap((t) =>
    t.partitions
      .filter((p) => p.cells.length > 0)
      .map((p) => ({ topic: t.name, partition: p.partition, offsets: p.cells.map((c) => c.offset) })),
  );

export const sameRecord = (a: RecordRef | null, b: RecordRef | null): boolean =>
  a !== null && b !== null && a.topic === b.topic && a.partition === b.partition && a.offset === b.offset;

const rowIndex = (rows: readonly GridRow[], r: { topic: string; partition: number }) =>
  rows.findIndex((x) => x.topic === r.topic && x.partition === r.partition);

/** The shown offset equal to `offset`, else the nearest one (the earlier on a tie). */
export function nearestOffset(offsets: readonly number[], offset: number): number {
  let best = offsets[0]!;
  for (const o of offsets) if (Math.abs(o - offset) < Math.abs(best - offset)) best = o;
  return best;
}

const at = (row: GridRow, offset: number): RecordRef => ({ topic: row.topic, partition: row.partition, offset });

/** Whether the record is a cell of the grid. */
export function inGrid(rows: readonly GridRow[], r: RecordRef | null): boolean {
  if (!r) return false;
  const i = rowIndex(rows, r);
  return i >= 0 && rows[i]!.offsets.includes(r.offset);
}

/** Where a key moves from `from` (the same record at an edge), or null for a key the grid does not use. */
export function moveInGrid(rows: readonly GridRow[], from: RecordRef, key: string, ctrl = false): RecordRef | null {
  if (!GRID_KEYS.has(key)) return null;
  const ri = rowIndex(rows, from);
  const row = rows[ri];
  if (!row) return null;
  const ci = Math.max(0, row.offsets.indexOf(from.offset));
  switch (key as GridKey) {
    case 'ArrowLeft':
      return at(row, row.offsets[Math.max(0, ci - 1)]!);
    case 'ArrowRight':
      return at(row, row.offsets[Math.min(row.offsets.length - 1, ci + 1)]!);
    case 'ArrowUp':
    case 'ArrowDown': {
      const next = rows[key === 'ArrowUp' ? ri - 1 : ri + 1];
      return next ? at(next, nearestOffset(next.offsets, from.offset)) : at(row, row.offsets[ci]!);
    }
    case 'Home': {
      const r = ctrl ? rows[0]! : row;
      return at(r, r.offsets[0]!);
    }
    case 'End': {
      const r = ctrl ? rows[rows.length - 1]! : row;
      return at(r, r.offsets[r.offsets.length - 1]!);
    }
  }
}

/**
 * The grid's one tab stop: the record last moved to (`active`); when it has left the grid, the nearest
 * record of its partition; else the selected record; else the first one; null for an empty grid.
 */
export function tabStopOf(
  rows: readonly GridRow[],
  active: RecordRef | null,
  selected: RecordRef | null = null,
): RecordRef | null {
  if (inGrid(rows, active)) return active;
  const row = active ? rows[rowIndex(rows, active)] : undefined;
  if (row && active) return at(row, nearestOffset(row.offsets, active.offset));
  if (inGrid(rows, selected)) return selected;
  const first = rows[0];
  return first ? at(first, first.offsets[0]!) : null;
}
