import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addId, EMPTY_ID_SET, hasId, idsOf, sizeOf } from './idSet';

describe('IdSet', () => {
  it('behaves like a Set of strings and never mutates', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.string(), (ids, probe) => {
        let s = EMPTY_ID_SET;
        const model = new Set<string>();
        for (const id of ids) {
          const before = JSON.stringify(s);
          const next = addId(s, id);
          expect(JSON.stringify(s)).toBe(before);
          s = next;
          model.add(id);
        }
        expect(hasId(s, probe)).toBe(model.has(probe));
        expect(sizeOf(s)).toBe(model.size);
        expect(idsOf(s).sort()).toEqual([...model].sort());
      }),
    );
  });

  it('adding a present id returns the same set', () => {
    const s = addId(EMPTY_ID_SET, 'a');
    expect(addId(s, 'a')).toBe(s);
  });
});
