/** A stream–table join as rows of text (pure): each output (stream record + table row → joined), and the table now. */
import { allRows, type ProcessorState } from '../../engine/streams';
import { clock } from '../../engine/streams';

const text = (v: unknown): string => {
  if (v === null || v === undefined) return '—';
  if (typeof v !== 'object') return String(v);
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k}: ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
    .join(', ');
};

export interface JoinRow {
  key: string;
  at: string;
  stream: string;
  table: string;
}

export function joinRows(state: ProcessorState): { outputs: JoinRow[]; table: { key: string; value: string }[] } {
  return {
    outputs: state.outputs.map((o) => ({
      key: o.key,
      at: clock(o.processedAt),
      stream: text(o.stream),
      table: o.table === null ? 'no row (left join: null)' : text(o.table),
    })),
    table: Object.entries(state.table ? allRows(state.table) : {})
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, value]) => ({ key, value: text(value) })),
  };
}
