/**
 * Every part of every built-in scenario renders in the design forms (server-rendered: each list
 * item and nested object is rendered directly, as if opened), and scenario text stays text.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../../scenarios/content';
import { Action } from '../../scenarios/schema';
import { sections, type FieldDef } from '../../scenarios/design/formSpec';
import { optionText } from '../../scenarios/design/schemaText';
import { getIn, setIn, type Doc, type Path } from '../../scenarios/design/paths';
import { checkDraft, messagesByPath } from '../../state/editorDraft';
import { DesignContext, type DesignContextValue } from './context';
import { DesignEditor } from './DesignEditor';
import { FieldEditor } from './FieldEditor';
import { Fields } from './Fields';

/** Every (fields, path) the forms can show for this draft: list items, nested groups, the chosen variant. */
function* forms(def: FieldDef, at: Path, doc: unknown): Generator<[readonly FieldDef[], Path]> {
  const path = def.key === '' ? at : [...at, def.key];
  if (def.kind === 'list') {
    const items = getIn(doc, path);
    for (let i = 0; Array.isArray(items) && i < items.length; i++) {
      yield [def.item.fields, [...path, i]];
      for (const f of def.item.fields) yield* forms(f, [...path, i], doc);
    }
  } else if (def.kind === 'group' && getIn(doc, path) !== undefined) {
    yield [def.fields, path];
    for (const f of def.fields) yield* forms(f, path, doc);
  } else if (def.kind === 'variant') {
    const v = def.variants.find((x) => x.matches(getIn(doc, path)));
    const base = v?.base ? [...path, ...v.base] : path;
    for (const f of v?.fields ?? []) yield* forms(f, base, doc);
  }
}

const context = (doc: Doc): DesignContextValue => ({
  doc,
  set: () => {},
  apply: () => {},
  messages: messagesByPath(checkDraft(JSON.stringify(doc))),
  refs: ['event.data.id'],
  Field: FieldEditor,
});
const render = (doc: Doc, fields: readonly FieldDef[], at: Path, ctx = context(doc)) =>
  renderToStaticMarkup(createElement(DesignContext.Provider, { value: ctx }, createElement(Fields, { fields, at })));

describe('design forms', () => {
  it.each(allBuiltins().map((s) => [s.id]))(
    'render every part of %s',
    (id) => {
      const doc = structuredClone(findBuiltin(id)!) as unknown as Doc;
      const ctx = context(doc);
      let count = 0;
      for (const s of sections) {
        for (const [fields, path] of forms(s.field, s.path, doc)) {
          const html = render(doc, fields, path, ctx);
          expect(html.length).toBeGreaterThan(0);
          count++;
        }
      }
      expect(count).toBeGreaterThan(10);
    },
    60_000,
  );

  it('shows a step’s narration and a field’s value as text, and a problem next to its field', () => {
    let doc = structuredClone(findBuiltin('pubsub-basics')!) as unknown as Doc;
    doc = setIn(doc, ['steps', 0, 'narration'], '<img src=x onerror=alert(1)>') as Doc;
    doc = setIn(doc, ['topology', 'topics', 0, 'partitions'], 0) as Doc;
    const step = render(
      doc,
      sections.find((s) => s.id === 'steps')!.field.kind === 'list'
        ? (sections.find((s) => s.id === 'steps')!.field as FieldDef & { kind: 'list' }).item.fields
        : [],
      ['steps', 0],
    );
    expect(step).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(step).not.toContain('<img');
    const topicFields = (sections.find((s) => s.id === 'topics')!.field as FieldDef & { kind: 'list' }).item.fields;
    const topic = render(doc, topicFields, ['topology', 'topics', 0]);
    expect(topic).toMatch(/Problem<\/strong> [^<]*(>=1|at least 1|too small)/i);
  });

  it('names a step’s action by the schema’s title and describes the chosen one under the choice', () => {
    const doc = structuredClone(findBuiltin('pubsub-basics')!) as unknown as Doc;
    const i = (doc.steps as { action: { kind: string } }[]).findIndex((x) => x.action.kind === 'publish');
    const stepFields = (sections.find((s) => s.id === 'steps')!.field as FieldDef & { kind: 'list' }).item.fields;
    const html = render(doc, stepFields, ['steps', i]);
    const publish = optionText(Action, 'kind', 'publish');
    expect(html).toContain(`>${publish.title}</option>`);
    expect(html).toContain(`>${optionText(Action, 'kind', 'race').title}</option>`);
    // the description is the select's accessible description
    const hint = /<select id="([^"]+)" aria-describedby="([^"]+)"/.exec(html);
    expect(hint?.[2]).toBe(`${hint?.[1]}-hint`);
    expect(html).toContain(`id="${hint?.[2]}">${publish.description!}</p>`);
  });

  it('lists every section with its count', () => {
    const doc = structuredClone(findBuiltin('ride-sharing')!) as unknown as Doc;
    const html = renderToStaticMarkup(
      createElement(DesignEditor, {
        doc,
        onChange: () => {},
        messages: messagesByPath(checkDraft(JSON.stringify(doc))),
      }),
    );
    for (const s of sections) expect(html).toContain(s.title);
    expect(html).toContain(`Script<span class="d-count"> (${(doc.steps as unknown[]).length})`);
  });
});
