/**
 * A stream–table join (`KStream#join(KTable)`, `leftJoin`), as KStreamKTableJoinProcessor does it: each stream
 * record looks up the table's CURRENT row for its key in its own task, at the moment it is processed, and emits
 * one joined record (inner: only if the row exists; left: with null when it does not). A table update changes
 * the table and emits nothing: earlier stream records are never joined again. The task reading stream
 * partition p holds table partition p only, so both topics must be co-partitioned — same partition count and
 * the same partitioner for the same key — or a key's request and its row sit in different tasks. Kafka Streams
 * checks the counts at startup and refuses (TopologyException "Topics not co-partitioned",
 * CopartitionedTopicsEnforcer); the partitioner it cannot check.
 */
import type { StreamEffect } from './effects';
import type { StreamRecord } from './record';
import { lookup, type TableState } from './table';
import { clock } from './time';

export type JoinType = 'inner' | 'left';

export interface JoinOutput {
  readonly key: string;
  readonly partition: number;
  readonly stream: unknown;
  /** The table's row at processing time; null: none (a left join only). */
  readonly table: unknown;
  readonly processedAt: number;
  /** The stream record's offset in its partition. */
  readonly offset: number;
}

export interface JoinStep {
  output: JoinOutput | null;
  effects: StreamEffect[];
}

/** The check Kafka Streams makes before it starts: null when the two topics are co-partitioned by count. */
export function copartitionIssue(
  processor: string,
  stream: { topic: string; partitions: number },
  table: { topic: string; partitions: number },
): StreamEffect | null {
  if (stream.partitions === table.partitions) return null;
  const reason = `Not started: ${stream.topic} has ${stream.partitions} partitions and ${table.topic} has ${table.partitions}. A join task reads partition p of both, so they must have the same count (and the same partitioner): Kafka Streams throws "Topics not co-partitioned" at startup`;
  return { kind: 'stream-changed', processor, op: 'not-copartitioned', reason };
}

/** One stream record joined with the table as it is now. */
export function joinStreamRecord(
  processor: string,
  type: JoinType,
  table: TableState,
  r: StreamRecord,
  tableName: string,
): JoinStep {
  const base = { kind: 'stream-changed' as const, processor, key: r.key };
  if (r.key === null) {
    const reason = `A ${r.topic} record with no key cannot be joined: Kafka Streams drops it`;
    return { output: null, effects: [{ ...base, op: 'skipped-null-key', reason }] };
  }
  const row = lookup(table, r.partition, r.key);
  const at = `at ${clock(r.processedAt)} (task ${r.partition})`;
  if (row === undefined && type === 'inner') {
    const reason = `The ${r.topic} record for ${r.key} (offset ${r.offset}) finds no row in the ${tableName} table ${at}: an inner join emits nothing, and a row that arrives later will not join it`;
    return { output: null, effects: [{ ...base, op: 'join-missed', reason }] };
  }
  const output: JoinOutput = {
    key: r.key,
    partition: r.partition,
    stream: r.value,
    table: row ?? null,
    processedAt: r.processedAt,
    offset: r.offset,
  };
  const reason =
    row === undefined
      ? `The ${r.topic} record for ${r.key} finds no row ${at}: a left join emits it with the table side empty (null)`
      : `The ${r.topic} record for ${r.key} joined with the ${tableName} table's row as it is ${at}: one output record`;
  return { output, effects: [{ ...base, op: row === undefined ? 'join-missed' : 'joined', reason }] };
}

/** A table update in a join: the table changes, no output (only the stream side triggers a stream–table join). */
export function tableUpdateNote(processor: string, key: string | null, tableName: string): StreamEffect {
  const reason = `The ${tableName} table changed for ${key ?? 'a record with no key'}: a stream–table join emits nothing for a table update, and earlier stream records are not joined again`;
  return { kind: 'stream-changed', processor, key, op: 'table-no-output', reason };
}
