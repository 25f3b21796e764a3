/** The cache of validated saved documents: a document is taken unchecked only if this build checked exactly it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { findBuiltin } from '../scenarios/content';
import type { ScenarioDef } from '../scenarios/schema';
import { alreadyValidated, rememberValidated } from './validatedDocuments';

const doc = (): ScenarioDef => JSON.parse(JSON.stringify(findBuiltin('pubsub-basics')!)) as ScenarioDef;

beforeEach(() => {
  const items = new Map<string, string>();
  vi.stubGlobal('localStorage', {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('validated documents', () => {
  it('a document checked before is taken as it is; another copy of the same content too', () => {
    const d = doc();
    expect(alreadyValidated(d)).toBeNull();
    rememberValidated(d, doc());
    expect(alreadyValidated(d)).toBe(d);
    const copy = doc();
    expect(alreadyValidated(copy)).toBe(copy);
  });

  it('a changed or damaged document is checked again', () => {
    rememberValidated(doc(), doc());
    const changed = doc();
    changed.steps[0]!.title = 'changed';
    expect(alreadyValidated(changed)).toBeNull();
    const damaged = { ...doc(), steps: 'not a list' };
    expect(alreadyValidated(damaged)).toBeNull();
    expect(alreadyValidated(null)).toBeNull();
    expect(alreadyValidated([doc()])).toBeNull();
  });

  it('is remembered only when the checks gave back exactly the document (no hint dropped, nothing reordered)', () => {
    const hinted = { $schema: './scenario.schema.json', ...doc() };
    rememberValidated(hinted, doc());
    expect(alreadyValidated(hinted)).toBeNull();
    const { id, ...rest } = doc();
    const reordered = { ...rest, id } as ScenarioDef;
    rememberValidated(reordered, doc());
    expect(alreadyValidated(reordered)).toBeNull();
  });

  it('unreadable or foreign storage means checking every time, never an error', () => {
    localStorage.setItem('event-lab:validated-documents', '{not json');
    expect(alreadyValidated(doc())).toBeNull();
    localStorage.setItem('event-lab:validated-documents', JSON.stringify({ build: 'another build', versions: [] }));
    expect(alreadyValidated(doc())).toBeNull();
    vi.stubGlobal('localStorage', {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    });
    expect(() => rememberValidated(doc(), doc())).not.toThrow();
    expect(alreadyValidated(doc())).toBeNull();
  });
});
