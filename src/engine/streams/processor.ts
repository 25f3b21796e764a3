/**
 * A stream processor (one Kafka Streams application with one sub-topology): a windowed aggregation of one
 * topic, or a stream–table join of two. `runProcessor` hands it the records it has not read yet, in the order
 * the task would pick them (the caller orders them by timestamp); `restoreStore` is a new instance rebuilding its
 * state store from the changelog. Pure: `(def, state, records) → { state, effects }`.
 */
import type { StreamEffect } from './effects';
import { copartitionIssue, joinStreamRecord, tableUpdateNote, type JoinOutput, type JoinType } from './join';
import type { StreamRecord } from './record';
import { restore } from './stateStore';
import { applyToTable, createTable, type TableState } from './table';
import { createWindowed, processWindowed, type WindowedDef, type WindowedState } from './windowed';

export type ProcessorDef =
  | (WindowedDef & { readonly kind: 'windowed'; readonly source: string })
  | {
      readonly kind: 'join';
      readonly id: string;
      readonly stream: string;
      readonly table: string;
      readonly join: JoinType;
    };

export interface ProcessorState {
  /** Next offset to read, per "topic/partition" (the application's consumer positions). */
  readonly positions: Readonly<Record<string, number>>;
  readonly windowed?: WindowedState;
  readonly table?: TableState;
  readonly outputs: readonly JoinOutput[];
  /** A join refused to start (topics not co-partitioned): it reads nothing. */
  readonly refused?: string;
}

export const createProcessor = (def: ProcessorDef): ProcessorState =>
  def.kind === 'windowed'
    ? { positions: {}, windowed: createWindowed(def), outputs: [] }
    : { positions: {}, table: createTable(), outputs: [] };

export const sourcesOf = (def: ProcessorDef): string[] =>
  def.kind === 'windowed' ? [def.source] : [def.table, def.stream];

export interface ProcessorStep {
  state: ProcessorState;
  effects: StreamEffect[];
}

/** Process `records` (read from the processor's sources) with `partitions` = each source topic's partition count. */
export function runProcessor(
  def: ProcessorDef,
  state: ProcessorState,
  records: readonly StreamRecord[],
  partitions: Readonly<Record<string, number>>,
): ProcessorStep {
  if (def.kind === 'join') {
    const issue = copartitionIssue(
      def.id,
      { topic: def.stream, partitions: partitions[def.stream] ?? 0 },
      { topic: def.table, partitions: partitions[def.table] ?? 0 },
    );
    if (issue) return { state: { ...state, refused: issue.reason }, effects: [issue] };
  }
  const effects: StreamEffect[] = [];
  let s = state;
  for (const r of records) {
    const positions = { ...s.positions, [`${r.topic}/${r.partition}`]: r.offset + 1 };
    if (def.kind === 'windowed') {
      const w = processWindowed(def, s.windowed!, r);
      s = { ...s, positions, windowed: w.state };
      effects.push(...w.effects);
    } else if (r.topic === def.table) {
      const t = applyToTable(def.id, s.table!, r, def.table);
      s = { ...s, positions, table: t.state };
      effects.push(...t.effects, tableUpdateNote(def.id, r.key, def.table));
    } else {
      const j = joinStreamRecord(def.id, def.join, s.table!, r, def.table);
      s = { ...s, positions, outputs: j.output ? [...s.outputs, j.output] : s.outputs };
      effects.push(...j.effects);
    }
  }
  return { state: s, effects };
}

/** The instance lost its local store (a new machine, a wiped disk): it is rebuilt from the changelog alone. */
export function restoreStore(def: ProcessorDef, state: ProcessorState): ProcessorStep {
  if (!state.windowed) {
    const reason = `${def.id} has no windowed store to restore (its table is rebuilt from its topic, the table's changelog)`;
    return { state, effects: [{ kind: 'stream-changed', processor: def.id, op: 'store-restored', reason }] };
  }
  const old = state.windowed.store;
  const store = restore(old.name, old.changelog);
  const n = Object.keys(store.entries).length;
  const reason = `A new instance of ${def.id} starts with an empty local store and replays its changelog: ${old.changelog.length} record(s) read, ${n} window(s) restored with the same values`;
  return {
    state: { ...state, windowed: { ...state.windowed, store } },
    effects: [{ kind: 'stream-changed', processor: def.id, op: 'store-restored', reason }],
  };
}
