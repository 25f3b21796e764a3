/** The run hint: which run a saved scenario played last time, kept for the next page's early reads. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetRunHint, readRunHint, rememberRunHint } from './runHints';

let items: Map<string, string>;
beforeEach(() => {
  items = new Map();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('run hints', () => {
  it('remembers, replaces and forgets the run of a scenario', () => {
    expect(readRunHint('a')).toBeNull();
    rememberRunHint('a', { runId: 'main-a', lastStep: 10_000 });
    rememberRunHint('b', { runId: 'main-b', lastStep: 12 });
    expect(readRunHint('a')).toEqual({ runId: 'main-a', lastStep: 10_000 });
    rememberRunHint('a', { runId: 'm-2', lastStep: 9_000 });
    expect(readRunHint('a')).toEqual({ runId: 'm-2', lastStep: 9_000 });
    forgetRunHint('a');
    expect(readRunHint('a')).toBeNull();
    expect(readRunHint('b')).toEqual({ runId: 'main-b', lastStep: 12 });
  });

  it('keeps the 16 most recently opened', () => {
    for (let i = 0; i < 20; i++) rememberRunHint(`s${i}`, { runId: `main-s${i}`, lastStep: i });
    expect(readRunHint('s19')).not.toBeNull();
    expect(readRunHint('s4')).not.toBeNull();
    expect(readRunHint('s3')).toBeNull();
    expect(Object.keys(JSON.parse(items.get('event-lab:run-hints')!) as object)).toHaveLength(16);
  });

  it('a damaged value is no hint, and is replaced by the next one', () => {
    items.set('event-lab:run-hints', '{not json');
    expect(readRunHint('a')).toBeNull();
    items.set(
      'event-lab:run-hints',
      JSON.stringify({ a: { runId: '', lastStep: 3 }, b: { runId: 'x', lastStep: -1 } }),
    );
    expect(readRunHint('a')).toBeNull();
    expect(readRunHint('b')).toBeNull();
    expect(readRunHint('constructor')).toBeNull();
    rememberRunHint('a', { runId: 'main-a', lastStep: 3 });
    expect(readRunHint('a')).toEqual({ runId: 'main-a', lastStep: 3 });
  });

  it('storage that cannot be read or written only means no hint', () => {
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => rememberRunHint('a', { runId: 'main-a', lastStep: 3 })).not.toThrow();
    expect(readRunHint('a')).toBeNull();
  });
});
