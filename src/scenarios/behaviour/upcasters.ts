/** Upcasters from data: rename, add, remove or convert fields to turn version n into n+1. */
import type { Upcaster } from '../../engine/cqrs';
import type { UpcasterDef } from '../schema';

export function compileUpcaster(spec: UpcasterDef): Upcaster {
  return {
    eventType: spec.eventType,
    fromVersion: spec.fromVersion,
    upcast(data) {
      const out: Record<string, unknown> =
        data && typeof data === 'object' ? { ...(data as Record<string, unknown>) } : {};
      for (const op of spec.ops) {
        switch (op.op) {
          case 'rename':
            if (Object.hasOwn(out, op.from)) {
              out[op.to] = out[op.from];
              delete out[op.from];
            }
            break;
          case 'add':
            if (!Object.hasOwn(out, op.field)) out[op.field] = op.value;
            break;
          case 'remove':
            delete out[op.field];
            break;
          case 'convert':
            if (Object.hasOwn(out, op.field))
              out[op.field] =
                op.to === 'string'
                  ? String(out[op.field])
                  : op.to === 'number'
                    ? Number(out[op.field])
                    : Boolean(out[op.field]);
            break;
        }
      }
      return out;
    },
  };
}
