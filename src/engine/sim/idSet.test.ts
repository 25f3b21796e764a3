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

  it('holds ids named like Object.prototype members (fast-check found "toString" missing)', () => {
    // Every bucket already holds ids, as in a long run (the bug showed only in an existing bucket).
    let s = EMPTY_ID_SET;
    for (let i = 0; i < 4000; i++) s = addId(s, `e${i}`);
    for (const id of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf']) s = addId(s, id);
    for (const id of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf'])
      expect(hasId(s, id)).toBe(true);
    expect(sizeOf(s)).toBe(4005);
    expect(hasId(EMPTY_ID_SET, 'toString')).toBe(false);
  });
});
