import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { append, getIn, insertAt, moveItem, pathKey, removeAt, setIn } from './paths';

describe('paths', () => {
  const doc = {
    topology: {
      topics: [
        { name: 'a', partitions: 1 },
        { name: 'b', partitions: 2 },
      ],
    },
    steps: [],
  };

  it('reads and writes without touching the input', () => {
    const frozen = structuredClone(doc);
    const next = setIn(doc, ['topology', 'topics', 1, 'name'], 'c');
    expect(getIn(next, ['topology', 'topics', 1, 'name'])).toBe('c');
    expect(doc).toEqual(frozen);
    expect(getIn(next, ['topology', 'topics', 0])).toBe(doc.topology.topics[0]);
  });

  it('creates missing branches and removes keys set to undefined', () => {
    expect(setIn({}, ['topology', 'queues', 0, 'name'], 'q')).toEqual({ topology: { queues: [{ name: 'q' }] } });
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
  });

  it('keeps key order and treats __proto__ as a plain key', () => {
    expect(Object.keys(setIn({ a: 1, b: 2, c: 3 }, ['b'], 9) as object)).toEqual(['a', 'b', 'c']);
    const weird = setIn({}, ['__proto__'], { polluted: true }) as Record<string, unknown>;
    expect(Object.hasOwn(weird, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('inserts, removes and moves list items', () => {
    const added = append(doc, ['topology', 'topics'], { name: 'z' });
    expect((getIn(added, ['topology', 'topics']) as unknown[]).length).toBe(3);
    expect(getIn(insertAt(doc, ['topology', 'topics'], 0, 'x'), ['topology', 'topics', 0])).toBe('x');
    expect(getIn(removeAt(doc, ['topology', 'topics'], 0), ['topology', 'topics', 0, 'name'])).toBe('b');
    expect(getIn(removeAt({ q: [1] }, ['q'], 0, true), ['q'])).toBeUndefined();
    expect(getIn(moveItem(doc, ['topology', 'topics'], 1, -1), ['topology', 'topics', 0, 'name'])).toBe('b');
    expect(moveItem(doc, ['topology', 'topics'], 0, -1)).toBe(doc);
  });

  it('formats paths as validation messages do', () => {
    expect(pathKey(['topology', 'topics', 0, 'name'])).toBe('topology.topics[0].name');
    expect(pathKey([])).toBe('(root)');
  });

  it('moving an item and back is the identity (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 2, maxLength: 20 }),
        fc.nat(),
        fc.constantFrom(-1, 1),
        (list, i, d) => {
          const from = i % list.length;
          const to = from + d;
          if (to < 0 || to >= list.length) return;
          const moved = moveItem({ l: list }, ['l'], from, d);
          expect(getIn(moveItem(moved, ['l'], to, -d), ['l'])).toEqual(list);
        },
      ),
    );
  });
});
