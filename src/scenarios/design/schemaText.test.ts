import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../content';
import { Action, Expectation, ProjectionOp, ReactionAction, UpcastOp } from '../schema';
import { fieldText, formText, optionText } from './schemaText';
import { sections, stepAction, stepItem, type FieldDef } from './formSpec';
import { append, getIn, type Path } from './paths';

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
    expect(fieldText(null, ['steps', 0, 'action', 'nothing'])).toEqual({});
    // the option is the one the draft's kind names: `partition` means different things in two actions
    const step = (action: object) => ({ steps: [{ action }] });
    expect(fieldText(step({ kind: 'seek' }), ['steps', 0, 'action', 'partition']).title).toBe('Partition');
    expect(fieldText(step({ kind: 'publish' }), ['steps', 0, 'action', 'partition']).title).toBe('Explicit partition');
    expect(
      fieldText(step({ kind: 'reset-offsets', to: { timestamp: 5 } }), ['steps', 0, 'action', 'to', 'timestamp']),
    ).toMatchObject({ title: 'Timestamp (ms)' });
    expect(optionText(Action, 'kind', 'race').title).toBe('commands race on the same state');
    expect(optionText(Action, 'kind', 'nope')).toEqual({});
  });

  it('every step action and expectation, and each of their fields, has a title; every action and expectation says what it does', () => {
    type Obj = {
      shape: Record<string, { meta(): { title?: string } | undefined }>;
      meta(): { title?: string; description?: string } | undefined;
    };
    const untitled: string[] = [];
    for (const [name, union] of [
      ['action', Action],
      ['expectation', Expectation],
    ] as const)
      for (const option of union.options as unknown as Obj[]) {
        const kind = (option.shape.kind as unknown as { value: string }).value;
        if (!option.meta()?.title || !option.meta()?.description) untitled.push(`${name} ${kind}`);
        for (const [key, f] of Object.entries(option.shape))
          if (key !== 'kind' && !f.meta()?.title && !(key === 'to' || key === 'event' || key === 'commands'))
            untitled.push(`${name} ${kind}.${key}`);
      }
    expect(untitled).toEqual([]);
  });

  it('a projection’s and an upcaster’s operations and a service’s reactions are named and explained by the schema', () => {
    const itemFields = (id: string) => {
      const f = sections.find((x) => x.id === id)!.field;
      return f.kind === 'list' ? f.item.fields : [];
    };
    const inList = (fields: readonly FieldDef[], key: string) => {
      const f = fields.find((x) => x.key === key)!;
      return f.kind === 'list' ? f.item.fields : [];
    };
    const projection = inList(inList(itemFields('projections'), 'on'), 'ops')[0]!;
    const upcaster = inList(itemFields('upcasters'), 'ops')[0]!;
    for (const [def, union] of [
      [projection, ProjectionOp],
      [upcaster, UpcastOp],
    ] as const) {
      const variants = def.kind === 'variant' ? def.variants : [];
      expect(variants.length).toBe(union.options.length);
      for (const v of variants) {
        const t = optionText(union, 'op', v.id);
        expect(t.title, v.id).toBeTruthy();
        expect(t.description, v.id).toBeTruthy();
        expect([v.label, v.hint]).toEqual([t.title, t.description]);
      }
    }
    // a service's reaction: a command or a publish, told apart by their key
    const reaction = inList(inList(itemFields('services'), 'on'), 'do')[0]!;
    const kinds = reaction.kind === 'variant' ? reaction.variants : [];
    expect(kinds.map((v) => v.id)).toEqual(['command', 'publish']);
    for (const v of kinds) {
      const t = optionText(ReactionAction, v.id);
      expect(t.description, v.id).toBeTruthy();
      expect([v.label, v.hint]).toEqual([t.title, t.description]);
    }
  });

  it('the step forms take every name and hint from the schema: each kind of action, made from its template', () => {
    const variants = stepAction.kind === 'variant' ? stepAction.variants : [];
    const own: string[] = [];
    for (const v of variants) {
      const t = optionText(Action, 'kind', v.id);
      expect(v.label, v.id).toBe(t.title);
      expect(v.hint, v.id).toBe(t.description);
      let doc: unknown = structuredClone(allBuiltins().find((s) => s.id === 'ride-sharing')!);
      doc = append(doc, ['steps'], { ...(stepItem.make(doc, []) as object), action: v.make(doc) });
      const i = (getIn(doc, ['steps']) as unknown[]).length - 1;
      for (const f of stepItem.fields)
        for (const [def, path] of shown(f, ['steps', i], doc)) {
          if (!fieldText(doc, path).title) own.push(`${v.id}: ${pattern(path)} has no title in the schema`);
          if (def.label || def.hint) own.push(`${v.id}: ${pattern(path)} keeps its own words`);
        }
    }
    expect(own).toEqual([]);
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
