/**
 * Reading a scenario that may not validate yet (a draft in the design editor: a list still empty, a
 * name still blank, a field of the wrong type). Every reader answers something, never throws.
 */
import type { Path } from './jsonPath';

export type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at `path`; undefined when any step is missing or of another shape. */
export function at(v: unknown, path: Path): unknown {
  let cur = v;
  for (const part of path) {
    if (typeof part === 'number') cur = Array.isArray(cur) ? cur[part] : undefined;
    else cur = isObj(cur) && Object.hasOwn(cur, part) ? cur[part] : undefined;
    if (cur === undefined) return undefined;
  }
  return cur;
}

/** The list at `path` with its indexes, keeping only the objects (a draft may hold anything). */
export const entries = (v: unknown, path: Path): [Obj, number][] => {
  const list = at(v, path);
  return Array.isArray(list) ? list.flatMap((x, i): [Obj, number][] => (isObj(x) ? [[x, i]] : [])) : [];
};

/** A non-empty string, or null. */
export const name = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** The non-empty strings of a list, with their indexes. */
export const names = (v: unknown): [string, number][] =>
  Array.isArray(v) ? v.flatMap((x, i): [string, number][] => (name(x) ? [[x as string, i]] : [])) : [];

export const dataOf = (v: unknown): Obj => (isObj(v) ? v : {});
