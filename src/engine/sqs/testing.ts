/** Test helpers for the cloud profiles (imported only by *.test.ts files). */
import { deepFreeze } from '../broker/testing';

/** Runs `op` on a frozen `state` and checks the input is structurally unchanged afterwards. */
export function pure<S, R>(state: S, op: (s: S) => R): R {
  const before = JSON.stringify(state);
  const r = op(deepFreeze(state));
  if (JSON.stringify(state) !== before) throw new Error('operation changed its input state');
  return r;
}

export const kindsOf = (effects: readonly { kind: string }[]): string[] => effects.map((e) => e.kind);

export function ofKind<E extends { kind: string }, K extends E['kind']>(
  effects: readonly E[],
  kind: K,
): Extract<E, { kind: K }>[] {
  return effects.filter((e): e is Extract<E, { kind: K }> => e.kind === kind);
}
