/**
 * The design editor's sections for the topology's pattern parts — replicated topics, outbox tables, the schema
 * registry, sagas and stream processors — which were JSON only before: every field of each can be edited, a new
 * one starts valid in a scenario that had none, and no part of the topology is left without a section.
 */
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { parseScenario } from '../parse';
import {
  RegistrySchemaSpec,
  RegistryFieldSpec,
  RegistrySpec,
  ReplicatedTopicSpec,
  ReplicationSpec,
  SagaSpec,
  Scenario,
  StreamProcessorSpec,
} from '../schema';
import { OutboxSpec } from '../format/outbox';
import { addItem, sections, type FieldDef, type ItemDef } from './formSpec';
import { getIn, setIn } from './paths';

const section = (id: string) => {
  const s = sections.find((x) => x.id === id);
  if (!s) throw new Error(`no section ${id}`);
  return s;
};
const fieldsOf = (f: FieldDef): readonly FieldDef[] =>
  f.kind === 'list' ? f.item.fields : f.kind === 'group' ? f.fields : [];
const itemOf = (f: FieldDef): ItemDef => {
  if (f.kind !== 'list') throw new Error(`${f.key} is not a list`);
  return f.item;
};
const sub = (fields: readonly FieldDef[], key: string) => fields.find((f) => f.key === key)!;
const keysOf = (fields: readonly FieldDef[]) => fields.map((f) => f.key).sort();
const shapeKeys = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape).sort();
const valid = (doc: unknown) => {
  const r = parseScenario(doc);
  return r.ok ? 'ok' : r.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
};

describe('every field of the pattern parts can be edited in a form', () => {
  it.each([
    ['the replication group', fieldsOf(section('replication').field), ReplicationSpec],
    ['replicated topics', itemOf(sub(fieldsOf(section('replication').field), 'topics')).fields, ReplicatedTopicSpec],
    ['outbox tables', fieldsOf(section('outboxes').field), OutboxSpec],
    ['the registry', fieldsOf(section('registry').field), RegistrySpec],
    ['registry schemas', itemOf(sub(fieldsOf(section('registry').field), 'schemas')).fields, RegistrySchemaSpec],
    [
      'registry schema fields',
      itemOf(sub(itemOf(sub(fieldsOf(section('registry').field), 'schemas')).fields, 'fields')).fields,
      RegistryFieldSpec,
    ],
    ['sagas', fieldsOf(section('sagas').field), SagaSpec],
  ] as const)('%s', (_name, fields, schema) => {
    expect(keysOf(fields)).toEqual(shapeKeys(schema));
  });

  it('registry subjects', () => {
    const subjects = sub(fieldsOf(section('registry').field), 'subjects');
    const element = (RegistrySpec.shape.subjects as unknown as { element: { shape: Record<string, unknown> } }).element;
    expect(keysOf(itemOf(subjects).fields)).toEqual(shapeKeys(element));
  });

  it('both kinds of stream processor, each with all its fields', () => {
    const variant = itemOf(section('streamProcessors').field).fields[0]!;
    expect(variant.kind).toBe('variant');
    const variants = variant.kind === 'variant' ? variant.variants : [];
    for (const option of StreamProcessorSpec.options) {
      const type = (option.shape.type as { value: string }).value;
      const v = variants.find((x) => x.id === type);
      expect(v, type).toBeDefined();
      expect([...keysOf(v!.fields), 'type'].sort(), type).toEqual(shapeKeys(option));
    }
  });
});

describe('a new pattern part starts valid', () => {
  const base = () => structuredClone(findBuiltin('pubsub-basics')!) as unknown;

  it.each(['outboxes', 'sagas', 'streamProcessors'])('adding to %s, twice, to a scenario that had none', (id) => {
    const s = section(id);
    let doc = base();
    for (let i = 0; i < 2; i++) doc = addItem(doc, [...s.path, s.field.key], itemOf(s.field));
    expect(valid(doc)).toBe('ok');
    expect((getIn(doc, ['topology', id]) as unknown[]).length).toBe(2);
  });

  it.each(['replication', 'registry'])('adding %s, then another of each of its lists', (id) => {
    const f = section(id).field;
    if (f.kind !== 'group' || !f.make) throw new Error(`${id} is not an optional group`);
    let doc = setIn(base(), ['topology', id], f.make(base()));
    expect(valid(doc)).toBe('ok');
    for (const list of f.fields.filter((x) => x.kind === 'list'))
      doc = addItem(doc, ['topology', id, list.key], itemOf(list));
    expect(valid(doc)).toBe('ok');
  });

  it('each kind of window of a stream processor starts valid', () => {
    const variant = itemOf(section('streamProcessors').field).fields[0]!;
    const windowed = variant.kind === 'variant' ? variant.variants.find((v) => v.id === 'windowed')! : undefined;
    const window = windowed!.fields.find((f) => f.key === 'window')!;
    for (const w of window.kind === 'variant' ? window.variants : []) {
      let doc = addItem(base(), ['topology', 'streamProcessors'], itemOf(section('streamProcessors').field));
      doc = setIn(doc, ['topology', 'streamProcessors', 0, 'window'], w.make(doc));
      expect(valid(doc), w.id).toBe('ok');
    }
  });
});

it('every part of the topology has a section in the design editor', () => {
  const topology = (Scenario.shape.topology as unknown as { shape: Record<string, unknown> }).shape;
  const covered = new Set(sections.filter((s) => s.path[0] === 'topology').map((s) => s.id));
  const missing = Object.keys(topology).filter((k) => !covered.has(k));
  // A new part of the topology needs a form (a file per section, listed in sections.ts), or learners who fork a
  // scenario that uses it can only edit it as JSON.
  expect(missing, 'topology parts with no section in src/scenarios/design/sections.ts').toEqual([]);
});
