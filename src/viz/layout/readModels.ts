/**
 * Read models as tables: rows from each projection's state, its checkpoint against the store's
 * head ("applied up to position 7 of 9 — 2 behind"), the rows this step changed and the query it
 * answered (stale or not, with the reason).
 */
import type { Effect } from '../../engine/types';
import { formatValue } from './formatValue';

export interface ProjectionRef {
  name: string;
  title: string;
  columns: readonly string[];
  description?: string | undefined;
}

export interface ProjectionData {
  position: number;
  rows: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface ReadRowVM {
  key: string;
  cells: string[];
  changed: boolean;
  /** A query this step asked for this row. */
  queried: boolean;
}

export interface QueryVM {
  rowKey: string | null;
  stale: boolean;
  behindBy: number;
  reason: string;
  /** The queried row is not in the table (yet, or any more). */
  rowMissing: boolean;
}

export interface ReadTableVM {
  name: string;
  title: string;
  description: string | null;
  columns: readonly string[];
  rows: ReadRowVM[];
  checkpoint: number;
  head: number;
  behind: number;
  checkpointText: string;
  /** Events this step applied to this projection. */
  appliedThisStep: number;
  query: QueryVM | null;
}

export function checkpointText(checkpoint: number, head: number): string {
  const behind = Math.max(0, head - checkpoint);
  if (head === 0) return 'nothing stored yet';
  if (behind === 0) return `applied up to position ${checkpoint} of ${head} — up to date`;
  return `applied up to position ${checkpoint} of ${head} — ${behind} behind`;
}

export function layoutReadModels(
  specs: readonly ProjectionRef[],
  states: Readonly<Record<string, ProjectionData>>,
  head: number,
  effects: readonly Effect[],
): ReadTableVM[] {
  return specs.map((spec) => {
    const state = states[spec.name] ?? { position: 0, rows: {} };
    const applied = effects.filter((e) => e.kind === 'projection-applied' && e.projection === spec.name);
    const changed = new Set(
      applied.flatMap((e) => (e.kind === 'projection-applied' && e.rowKey !== null ? [e.rowKey] : [])),
    );
    const q = [...effects].reverse().find((e) => e.kind === 'query-answered' && e.readModel === spec.name);
    const query = q?.kind === 'query-answered' ? q : null;
    const rows = Object.entries(state.rows).map(([key, row]): ReadRowVM => ({
      key,
      cells: spec.columns.map((c) => formatValue(row[c])),
      changed: changed.has(key),
      queried: query !== null && query.rowKey === key,
    }));
    return {
      name: spec.name,
      title: spec.title,
      description: spec.description ?? null,
      columns: spec.columns,
      rows,
      checkpoint: state.position,
      head,
      behind: Math.max(0, head - state.position),
      checkpointText: checkpointText(state.position, head),
      appliedThisStep: applied.length,
      query: query
        ? {
            rowKey: query.rowKey,
            stale: query.stale,
            behindBy: query.behindBy,
            reason: query.reason,
            rowMissing: query.rowKey !== null && !Object.hasOwn(state.rows, query.rowKey),
          }
        : null,
    };
  });
}
