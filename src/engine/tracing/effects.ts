/**
 * What the tracing model did, as data; each says why in `reason`. `TracingEffect` joins `types.ts`'s `Effect`
 * union, so this file imports only `effectBase.ts` (a type cycle otherwise).
 */
import type { EffectBase } from '../effectBase';

export type TracingEffect = EffectBase & {
  kind: 'span-recorded';
  traceId: string;
  spanId: string;
  /** The span whose context the record carried (null: the span starts a new trace). */
  parentId: string | null;
  spanKind: 'producer' | 'consumer';
  name: string;
  service: string;
};
