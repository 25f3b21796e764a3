/** Test helpers (imported only by *.test.ts files). */
import type { BrokerEffect } from '../types';
import type { BrokerState, BrokerStep } from './brokerState';

/** Freezes a value and everything reachable from it, so any mutation of an input throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/** Runs `op` on a frozen copy of `state` and checks the input is structurally unchanged afterwards. */
export function pure<R extends BrokerStep>(state: BrokerState, op: (s: BrokerState) => R): R {
  const before = structuredClone(state);
  const frozen = deepFreeze(state);
  const r = op(frozen);
  if (JSON.stringify(structuredClone(frozen)) !== JSON.stringify(before))
    throw new Error('operation changed its input state');
  return r;
}

export const kinds = (effects: readonly BrokerEffect[]): string[] => effects.map((e) => e.kind);

export function only<K extends BrokerEffect['kind']>(
  effects: readonly BrokerEffect[],
  kind: K,
): Extract<BrokerEffect, { kind: K }>[] {
  return effects.filter((e): e is Extract<BrokerEffect, { kind: K }> => e.kind === kind);
}
