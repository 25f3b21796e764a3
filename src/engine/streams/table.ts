/**
 * A table from a changelog: `builder.table(topic)` reads a (compacted) topic as a KTable — for each key the
 * latest value, a null value (tombstone) deletes the key, a record with a null key is skipped. This is the
 * stream–table duality: the topic is the table's changelog, and the table is the topic folded by key. A task
 * holds the rows of the table's partition it reads (one task per partition), which is why a join needs the
 * stream and the table co-partitioned.
 */
import type { StreamEffect } from './effects';
import type { StreamRecord } from './record';
import { clock } from './time';

export interface TableState {
  /** Rows per task (the table topic's partition), by key. */
  readonly partitions: Readonly<Record<number, Readonly<Record<string, unknown>>>>;
}

export const createTable = (): TableState => ({ partitions: {} });

export interface TableStep {
  state: TableState;
  effects: StreamEffect[];
}

/** One changelog record applied: upsert, or delete on a tombstone. */
export function applyToTable(processor: string, table: TableState, r: StreamRecord, tableName: string): TableStep {
  const base = { kind: 'stream-changed' as const, processor, key: r.key };
  if (r.key === null) {
    const reason = `A ${r.topic} record with no key is skipped: a table row needs a key`;
    return { state: table, effects: [{ ...base, op: 'skipped-null-key', reason }] };
  }
  const rows = { ...table.partitions[r.partition] };
  const had = r.key in rows;
  if (r.value === null) delete rows[r.key];
  else rows[r.key] = r.value;
  const state = { partitions: { ...table.partitions, [r.partition]: rows } };
  const where = `${r.topic} partition ${r.partition}, offset ${r.offset}, at ${clock(r.processedAt)}`;
  if (r.value === null) {
    const reason = had
      ? `A tombstone for ${r.key} (${where}) deletes its row from the ${tableName} table`
      : `A tombstone for ${r.key} (${where}): the ${tableName} table has no such row, nothing to delete`;
    return { state, effects: [{ ...base, op: 'table-deleted', reason }] };
  }
  const reason = `${where}: the ${tableName} table's row ${r.key} is ${had ? 'replaced by' : 'now'} this record's value (the latest record per key wins)`;
  return { state, effects: [{ ...base, op: 'table-updated', reason }] };
}

/** The row a task holding table partition `partition` sees for `key` (undefined: none). */
export const lookup = (table: TableState, partition: number, key: string): unknown =>
  table.partitions[partition]?.[key];

/** Every row of the table, whichever partition holds it. */
export function allRows(table: TableState): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of Object.keys(table.partitions)
    .map(Number)
    .sort((a, b) => a - b))
    Object.assign(out, table.partitions[p]);
  return out;
}
