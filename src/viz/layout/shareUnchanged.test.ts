import { describe, expect, it } from 'vitest';
import { shareUnchanged } from './shareUnchanged';

describe('shareUnchanged', () => {
  it('gives back the previous object when everything is equal by value', () => {
    const prev = { a: 1, b: [{ x: 1, y: 'p' }], c: null, d: undefined };
    const next = { a: 1, b: [{ x: 1, y: 'p' }], c: null, d: undefined };
    expect(shareUnchanged(prev, next)).toBe(prev);
  });

  it('keeps the unchanged parts of a changed object and the new values of the changed ones', () => {
    const prev = { topics: [{ name: 't', cells: [1, 2] }], groups: [{ id: 'g', lag: 3 }], stage: 'fetch' };
    const next = { topics: [{ name: 't', cells: [1, 2] }], groups: [{ id: 'g', lag: 2 }], stage: 'fetch' };
    const out = shareUnchanged(prev, next);
    expect(out).toEqual(next);
    expect(out).not.toBe(prev);
    expect(out.topics).toBe(prev.topics);
    expect(out.groups).not.toBe(prev.groups);
    expect(out.groups[0]).toEqual({ id: 'g', lag: 2 });
  });

  it('returns the new object itself when nothing in it could be shared', () => {
    const prev = { a: [1], b: 'x' };
    const next = { a: [2], b: 'y' };
    expect(shareUnchanged(prev, next)).toBe(next);
  });

  it('treats different lengths, added and removed keys as changes', () => {
    const item = { k: 1 };
    const longer = shareUnchanged({ xs: [item] }, { xs: [{ k: 1 }, { k: 2 }] });
    expect(longer.xs).toHaveLength(2);
    expect(longer.xs[0]).toBe(item);
    const prev: Record<string, number> = { a: 1 };
    expect(shareUnchanged(prev, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(shareUnchanged({ a: 1, b: 2 } as Record<string, number>, prev)).toBe(prev);
  });

  it('compares Sets, Maps and functions by identity, never reading into them', () => {
    const f = () => 1;
    const prev = { s: new Set([1]), f };
    const next = { s: new Set([1]), f };
    const out = shareUnchanged(prev, next);
    expect(out.s).toBe(next.s);
    expect(out.f).toBe(f);
  });

  it('leaves both inputs as they were', () => {
    const prev = { a: [{ v: 1 }], b: 1 };
    const next = { a: [{ v: 1 }], b: 2 };
    const nextA = next.a;
    shareUnchanged(prev, next);
    expect(next.a).toBe(nextA);
    expect(prev).toEqual({ a: [{ v: 1 }], b: 1 });
  });

  it('counts NaN as equal to NaN', () => {
    const prev = { n: NaN };
    expect(shareUnchanged(prev, { n: NaN })).toBe(prev);
  });
});
