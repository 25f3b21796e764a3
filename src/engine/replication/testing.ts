/** Test helpers for the replication model (imported only by *.test.ts files). */
import { deepFreeze } from '../broker/testing';
import type { ClusterState, ReplicationStep } from './clusterState';
import type { ReplicationEffect, ReplicationEffectKind } from './effects';

/** Runs `op` on a frozen `state` (any mutation throws) and checks the input is unchanged afterwards. */
export function pure<R extends ReplicationStep>(state: ClusterState, op: (s: ClusterState) => R): R {
  const before = JSON.stringify(state);
  const r = op(deepFreeze(state));
  if (JSON.stringify(state) !== before) throw new Error('operation changed its input state');
  return r;
}

export function only<K extends ReplicationEffectKind>(
  effects: readonly ReplicationEffect[],
  kind: K,
): Extract<ReplicationEffect, { kind: K }>[] {
  return effects.filter((e): e is Extract<ReplicationEffect, { kind: K }> => e.kind === kind);
}

export const kinds = (effects: readonly ReplicationEffect[]): string[] => effects.map((e) => e.kind);
