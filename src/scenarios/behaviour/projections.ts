/**
 * Projections from data: per event type, a list of operations on read-model rows (upsert, update,
 * increment, append, delete), compiled into the engine's `Projection` shape.
 */
import type { Projection } from '../../engine/cqrs';
import type { RecordedEvent } from '../../engine/types';
import type { ProjectionDef } from '../schema';
import type { ReadModelRow } from '../world';
import { charge, checkListLength, checkRowSize } from './budget';
import { evalFields, evalValue } from './expr';

export type Rows = Readonly<Record<string, ReadModelRow>>;

const keyOf = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

export function compileProjection(spec: ProjectionDef): Projection<Rows> {
  const handlers = new Map(spec.on.map((h) => [h.eventType, h.ops]));
  return {
    name: spec.name,
    version: spec.version ?? 1,
    initialState: {},
    canHandle: (e) => handlers.has(e.eventType),
    rowKey: (e) => {
      const op = handlers.get(e.eventType)?.[0];
      return op ? keyOf(evalValue(op.key, { event: e, data: e.data })) : null;
    },
    evolve(rows, e: RecordedEvent) {
      let next: Record<string, ReadModelRow> | null = null;
      const write = () => (next ??= { ...rows });
      const where = `the read model ${spec.name}'s ${e.eventType} rule`;
      for (const op of handlers.get(e.eventType) ?? []) {
        charge();
        const current = next ?? rows;
        const key = keyOf(evalValue(op.key, { event: e, data: e.data }, where));
        const row = current[key];
        const scope = { event: e, data: e.data, row: row ?? {} };
        switch (op.op) {
          case 'upsert':
            write()[key] = { ...(row ?? {}), ...evalFields(op.set, scope, where) };
            break;
          case 'update':
            if (row) write()[key] = { ...row, ...evalFields(op.set, scope, where) };
            break;
          case 'increment': {
            const by = Number(evalValue(op.by, scope, where));
            const base = Number(row?.[op.field] ?? 0);
            write()[key] = { ...(row ?? {}), [op.field]: Math.round((base + by) * 1e6) / 1e6 };
            break;
          }
          case 'append': {
            const list = Array.isArray(row?.[op.field]) ? (row![op.field] as unknown[]) : [];
            checkListLength(list.length + 1, spec.name, key, op.field);
            write()[key] = { ...(row ?? {}), [op.field]: [...list, evalValue(op.value, scope, where)] };
            break;
          }
          case 'delete':
            if (row) delete write()[key];
            break;
        }
        const written = op.op === 'delete' ? undefined : (next as Record<string, ReadModelRow> | null)?.[key];
        if (written) checkRowSize(written, spec.name, key);
      }
      return next ?? rows;
    },
  };
}

/** The row key an event would touch in a projection (null if the projection ignores it). */
export function touchedKeys(spec: ProjectionDef, e: RecordedEvent): string[] {
  const ops = spec.on.find((h) => h.eventType === e.eventType)?.ops ?? [];
  return ops.map((op) => keyOf(evalValue(op.key, { event: e, data: e.data })));
}
