/** What the editor keeps between page loads: the unsaved draft, and the steps whose text predates their action. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepDef } from '../scenarios/schema';
import {
  changedUnderText,
  dropDraft,
  fingerprint,
  isStale,
  keepDraft,
  readDraft,
  readStale,
  staleOf,
  writeStale,
} from './editorKeep';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
    items,
  };
}

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  storage = memoryStorage();
  vi.stubGlobal('localStorage', storage);
});
afterEach(() => vi.unstubAllGlobals());

const publish = (key: string): StepDef['action'] =>
  ({ kind: 'publish', producer: 'p', topic: 'orders', key, event: { eventType: 'OrderPlaced', data: {} } }) as never;
const step = (key: string, narration = `The record's key is "${key}"`): Pick<StepDef, 'action' | 'narration'> => ({
  action: publish(key),
  narration,
});

describe('the unsaved draft', () => {
  it('comes back as it was kept, per scenario, and is gone once dropped', () => {
    expect(keepDraft('mine', { text: '{"a":1}', base: fingerprint('{}'), keptAt: 5 })).toBe(true);
    expect(readDraft('mine')).toEqual({ text: '{"a":1}', base: fingerprint('{}'), keptAt: 5 });
    expect(readDraft('other')).toBeNull();
    dropDraft('mine');
    expect(readDraft('mine')).toBeNull();
  });

  it('a damaged or foreign value reads as no draft, never throws', () => {
    storage.items.set('event-lab:editor-draft:mine', '{not json');
    expect(readDraft('mine')).toBeNull();
    storage.items.set('event-lab:editor-draft:mine', JSON.stringify({ text: 1, base: 'x', keptAt: 1 }));
    expect(readDraft('mine')).toBeNull();
  });

  it('storage that refuses (full) is reported, not thrown', () => {
    vi.stubGlobal('localStorage', {
      ...storage,
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    });
    expect(keepDraft('mine', { text: 'x', base: 'y', keptAt: 1 })).toBe(false);
  });

  it('fingerprints tell texts apart', () => {
    expect(fingerprint('order-1')).not.toBe(fingerprint('order-9'));
    expect(fingerprint('order-1')).toBe(fingerprint('order-1'));
  });
});

describe('text written for the step before a change', () => {
  it('flags a step whose action changed under the same text, by position', () => {
    expect(changedUnderText([step('order-1'), step('order-2')], [step('order-1'), step('order-2')])).toEqual([]);
    // The walkthrough's case: step 1's key edited, its text still names order-1.
    expect(changedUnderText([step('order-1')], [{ ...step('order-9'), narration: step('order-1').narration }])).toEqual(
      [0],
    );
    // Text edited with it: nothing to flag.
    expect(changedUnderText([step('order-1')], [step('order-9')])).toEqual([]);
    // A step inserted before moves the old step and its text together: not flagged.
    expect(changedUnderText([step('order-1')], [step('new'), step('order-1')])).toEqual([]);
  });

  it('stays flagged while the action and the text are exactly those flagged, and ends with either edit', () => {
    const edited = { ...step('order-9'), narration: step('order-1').narration };
    writeStale('mine', [staleOf(edited)]);
    const stored = readStale('mine');
    expect(isStale(stored, edited)).toBe(true);
    expect(isStale(stored, { ...edited, narration: 'The record\'s key is "order-9"' })).toBe(false);
    expect(isStale(stored, { ...edited, action: publish('order-10') })).toBe(false);
    writeStale('mine', []);
    expect(readStale('mine')).toEqual([]);
    expect(storage.items.has('event-lab:stale-narration:mine')).toBe(false);
  });
});
