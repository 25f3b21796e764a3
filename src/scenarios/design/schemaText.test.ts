import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../content';
import { fieldText, formText } from './schemaText';
import { sections, type FieldDef } from './formSpec';
import { getIn, type Path } from './paths';

/** Every field the forms show for a draft, with its path. */
function* shown(def: FieldDef, at: Path, doc: unknown): Generator<[FieldDef, Path]> {
  const path = def.key === '' ? at : [...at, def.key];
  if (def.key !== '') yield [def, path];
  if (def.kind === 'list') {
    const items = getIn(doc, path);
    for (let i = 0; Array.isArray(items) && i < items.length; i++)
      for (const f of def.item.fields) yield* shown(f, [...path, i], doc);
  } else if (def.kind === 'group') for (const f of def.fields) yield* shown(f, path, doc);
  else if (def.kind === 'variant') {
    const v = def.variants.find((x) => x.matches(getIn(doc, path)));
    for (const f of v?.fields ?? []) yield* shown(f, v?.base ? [...path, ...v.base] : path, doc);
  }
}

const pattern = (path: Path) => path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');

describe('one description of the format', () => {
  it('reads titles and descriptions from the schema along a draft’s path, unions included', () => {
    expect(fieldText({}, ['topology', 'topics', 0, 'partitions']).title).toBe('Partitions');
    expect(fieldText({}, ['seed']).description).toMatch(/same every time/);
    expect(fieldText({}, ['nothing', 'here'])).toEqual({});
    expect(fieldText(null, ['steps', 0, 'action', 'topic'])).toEqual({});
  });

  it('every field the forms show on every built-in is named, and no form contradicts the schema or repeats its descriptions', () => {
    const unnamed = new Set<string>();
    const repeated = new Set<string>();
    for (const s of allBuiltins())
      for (const section of sections)
        for (const [def, path] of shown(section.field, section.path, s)) {
          const t = fieldText(s, path);
          if (!t.title && !def.label) unnamed.add(pattern(path));
          // A shared piece (a topic choice, a description) keeps its words for the parts the schema does not describe.
          if (t.title && def.label && def.label !== t.title)
            repeated.add(`${pattern(path)}: ${def.label} / ${t.title}`);
          if (t.description && def.hint) repeated.add(`${pattern(path)}: hint`);
          expect(formText(def, s, path).label).not.toBe('');
        }
    expect([...unnamed]).toEqual([]);
    expect([...repeated]).toEqual([]);
  });
});
