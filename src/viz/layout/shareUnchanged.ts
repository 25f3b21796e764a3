/**
 * Structural sharing between two view models: `next` with every part that equals the same part of
 * `prev` (by value) replaced by `prev`'s object. A layout is recomputed at every stage of a step and
 * builds fresh objects each time; sharing what did not change lets memoised components skip it (a
 * partition whose cells did not move is not rendered again). Plain data only: arrays and plain objects
 * are compared by value, anything else (Sets, Maps, functions) by identity. Never changes either input.
 */
export function shareUnchanged<T>(prev: T, next: T): T {
  return share(prev, next) as T;
}

const isPlain = (x: object): boolean => {
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
};

function share(prev: unknown, next: unknown): unknown {
  if (Object.is(prev, next)) return prev;
  if (typeof prev !== 'object' || typeof next !== 'object' || prev === null || next === null) return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = prev.length === next.length;
    let reused = false;
    const out = next.map((x: unknown, i) => {
      const s = i < prev.length ? share(prev[i], x) : x;
      if (!Object.is(s, prev[i])) same = false;
      if (!Object.is(s, x)) reused = true;
      return s;
    });
    return same ? prev : reused ? out : next;
  }
  if (Array.isArray(prev) || !isPlain(prev) || !isPlain(next)) return next;
  const was = prev as Record<string, unknown>;
  const now = next as Record<string, unknown>;
  const keys = Object.keys(now);
  let same = keys.length === Object.keys(was).length;
  let reused = false;
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const s = Object.hasOwn(was, k) ? share(was[k], now[k]) : now[k];
    if (!Object.is(s, was[k]) || !Object.hasOwn(was, k)) same = false;
    if (!Object.is(s, now[k])) reused = true;
    out[k] = s;
  }
  return same ? prev : reused ? out : next;
}
