import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { parseScenario } from '../parse';
import {
  Action,
  AggregateSpec,
  CommandSpec,
  EventTypeSpec,
  EvolveSpec,
  GroupSpec,
  ProducerSpec,
  ProjectionSpec,
  QueueSpec,
  QuestionSpec,
  RelaySpec,
  Scenario,
  ServiceSpec,
  Step,
  TopicSpec,
  UpcasterSpec,
} from '../schema';
import {
  addItem,
  eventTypeNames,
  freshName,
  sections,
  stepAction,
  stepItem,
  type FieldDef,
  type ItemDef,
} from './formSpec';
import { append, getIn, setIn } from './paths';

const section = (id: string) => sections.find((s) => s.id === id)!;
const itemOf = (f: FieldDef): ItemDef => {
  if (f.kind !== 'list') throw new Error(`${f.key} is not a list`);
  return f.item;
};
const sub = (fields: readonly FieldDef[], key: string): FieldDef => fields.find((f) => f.key === key)!;
const keysOf = (fields: readonly FieldDef[]) => fields.map((f) => f.key).sort();
const shapeKeys = (schema: { shape: Record<string, unknown> }) => Object.keys(schema.shape).sort();

describe('every field of the format can be edited in a form', () => {
  it.each([
    ['event types', itemOf(section('eventTypes').field).fields, EventTypeSpec],
    ['topics', itemOf(section('topics').field).fields, TopicSpec],
    ['producers', itemOf(section('producers').field).fields, ProducerSpec],
    ['groups', itemOf(section('groups').field).fields, GroupSpec],
    ['aggregates', itemOf(section('aggregates').field).fields, AggregateSpec],
    ['commands', itemOf(sub(itemOf(section('aggregates').field).fields, 'commands')).fields, CommandSpec],
    ['state changes', itemOf(sub(itemOf(section('aggregates').field).fields, 'evolve')).fields, EvolveSpec],
    ['projections', itemOf(section('projections').field).fields, ProjectionSpec],
    ['upcasters', itemOf(section('upcasters').field).fields, UpcasterSpec],
    ['services', itemOf(section('services').field).fields, ServiceSpec],
    ['queues', itemOf(section('queues').field).fields, QueueSpec],
    ['steps', stepItem.fields, Step],
  ] as const)('%s', (_name, fields, schema) => {
    expect(keysOf(fields)).toEqual(shapeKeys(schema));
  });

  it('the relay and questions', () => {
    const relay = section('relay').field;
    expect(relay.kind === 'group' && keysOf(relay.fields)).toEqual(shapeKeys(RelaySpec));
    const question = sub(stepItem.fields, 'question');
    expect(question.kind === 'group' && keysOf(question.fields)).toEqual(shapeKeys(QuestionSpec));
  });

  it('the scenario itself, apart from its fixed id and format version', () => {
    const about = section('about').field;
    const keys = about.kind === 'group' ? keysOf(about.fields) : [];
    expect([...keys, 'topology', 'steps', 'id', 'schemaVersion', '$schema'].sort()).toEqual(shapeKeys(Scenario));
  });

  it('every kind of step action, with all its fields', () => {
    const kinds = Action.options.map((o) => (o.shape.kind as { value: string }).value).sort();
    expect(stepAction.kind === 'variant' && stepAction.variants.map((v) => v.id).sort()).toEqual(kinds);
    for (const option of Action.options) {
      const kind = (option.shape.kind as { value: string }).value;
      const variant = stepAction.kind === 'variant' ? stepAction.variants.find((v) => v.id === kind)! : undefined;
      expect([...keysOf(variant!.fields), 'kind'].sort(), kind).toEqual(shapeKeys(option));
    }
  });
});

describe('new items start valid', () => {
  // A scenario with every part (queues too), so that every template has something to refer to.
  const base = () => {
    let doc: unknown = structuredClone(findBuiltin('ride-sharing')!);
    doc = append(doc, ['topology', 'queues'], itemOf(section('queues').field).make(doc, []));
    // Replicated topics too, for the replication actions.
    doc = setIn(doc, ['topology', 'replication'], { topics: [{ name: 'payments', replicationFactor: 3 }] });
    // And a saga, for the saga actions.
    doc = setIn(
      doc,
      ['topology', 'sagas'],
      [
        {
          id: 'saga',
          title: 'A saga',
          initial: 'a',
          states: { a: { on: { Done: 'b' } }, b: { type: 'final', outcome: 'completed' } },
        },
      ],
    );
    // And a stream processor, for the stream actions.
    doc = setIn(
      doc,
      ['topology', 'streamProcessors'],
      [
        {
          id: 'processor',
          title: 'Counts',
          type: 'windowed',
          source: 'rides',
          window: { type: 'tumbling', sizeMs: 60000 },
          graceMs: 0,
        },
      ],
    );
    // And two regions, for the mirror actions.
    doc = setIn(doc, ['topology', 'mirror'], {
      regions: [
        { alias: 'us', topics: [{ name: 'rides' }] },
        { alias: 'eu', topics: [] },
      ],
      flows: [{ source: 'us', target: 'eu', topics: ['rides'] }],
    });
    // And a key store, for the erasure actions.
    doc = setIn(doc, ['topology', 'privacy'], { keyStore: 'rider-keys', personalFields: ['name'] });
    // And a schema registry, for the registry actions.
    doc = setIn(doc, ['topology', 'registry'], {
      subjects: [{ name: 'rides-value' }],
      schemas: [{ id: 'ride-v1', record: 'Ride', fields: [{ name: 'rideId', type: 'string' }] }],
    });
    return doc;
  };
  const valid = (doc: unknown) => {
    const r = parseScenario(doc);
    return r.ok ? 'ok' : r.issues.map((i) => `${i.path}: ${i.message}`).join('\n');
  };

  it('the base is valid', () => expect(valid(base())).toBe('ok'));

  it.each(sections.filter((s) => s.field.kind === 'list').map((s) => [s.id]))(
    'adding to %s keeps the scenario valid, twice',
    (id) => {
      const s = section(id);
      let doc = base();
      const path = [...s.path, s.field.key];
      for (let i = 0; i < 2; i++) doc = addItem(doc, path, itemOf(s.field));
      expect(valid(doc)).toBe('ok');
    },
  );

  it('every kind of step action starts valid', () => {
    const variants = stepAction.kind === 'variant' ? stepAction.variants : [];
    for (const v of variants) {
      let doc = base();
      doc = append(doc, ['steps'], { ...(stepItem.make(doc, []) as object), action: v.make(doc) });
      expect(valid(doc), v.id).toBe('ok');
    }
  });

  it('a service with a reaction and an action, added through the forms, is valid with or without aggregates', () => {
    for (const id of ['pubsub-basics', 'ride-sharing']) {
      const services = itemOf(section('services').field);
      const reactions = itemOf(sub(services.fields, 'on'));
      const actions = itemOf(sub(reactions.fields, 'do'));
      let doc: unknown = structuredClone(findBuiltin(id)!);
      doc = addItem(doc, ['topology', 'services'], services);
      const i = (doc as { topology: { services: unknown[] } }).topology.services.length - 1;
      doc = addItem(doc, ['topology', 'services', i, 'on'], reactions);
      doc = addItem(doc, ['topology', 'services', i, 'on', 0, 'do'], actions);
      expect(valid(doc), id).toBe('ok');
    }
  });

  it('adding to any nested list (fields, commands, handlers, operations, reactions…) keeps every built-in valid', () => {
    // Every list inside an existing item, found by walking the forms over the real content.
    const nested = (
      def: FieldDef,
      at: readonly (string | number)[],
      doc: unknown,
      out: [readonly (string | number)[], ItemDef][],
    ) => {
      const path = def.key === '' ? at : [...at, def.key];
      if (def.kind === 'list') {
        out.push([path, def.item]);
        const items = getIn(doc, path);
        for (let i = 0; Array.isArray(items) && i < items.length; i++)
          for (const f of def.item.fields) nested(f, [...path, i], doc, out);
      } else if (def.kind === 'group' && getIn(doc, path) !== undefined)
        for (const f of def.fields) nested(f, path, doc, out);
      else if (def.kind === 'variant') {
        const v = def.variants.find((x) => x.matches(getIn(doc, path)));
        for (const f of v?.fields ?? []) nested(f, v?.base ? [...path, ...v.base] : path, doc, out);
      }
    };
    const failures: string[] = [];
    for (const id of ['ride-sharing', 'cqrs-orders', 'schema-evolution', 'log-vs-queue']) {
      const doc = structuredClone(findBuiltin(id)!);
      const lists: [readonly (string | number)[], ItemDef][] = [];
      for (const s of sections) nested(s.field, s.path, doc, lists);
      for (const [path, item] of lists) {
        const r = valid(addItem(doc, path, item));
        if (r !== 'ok') failures.push(`${id} ${path.join('.')}: ${r}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('a relay added to a scenario without one is valid', () => {
    let doc: unknown = structuredClone(findBuiltin('pubsub-basics')!);
    const relay = section('relay').field;
    if (relay.kind !== 'group' || !relay.make) throw new Error('relay is a group with a template');
    doc = setIn(doc, ['topology', 'relay'], relay.make(doc));
    expect(valid(doc)).toBe('ok');
  });

  it('a question added to a step is valid', () => {
    const q = sub(stepItem.fields, 'question');
    if (q.kind !== 'group' || !q.make) throw new Error('question is a group with a template');
    const doc = setIn(base(), ['steps', 0, 'question'], q.make(undefined));
    expect(valid(doc)).toBe('ok');
  });
});

describe('choices and templates read the scenario index', () => {
  it('event type choices include types only published or enqueued, not only declared or emitted ones', () => {
    const pub = findBuiltin('pubsub-basics')!;
    const published = pub.steps.flatMap((x) => (x.action.kind === 'publish' ? [x.action.event.eventType] : []));
    expect(published.length).toBeGreaterThan(0);
    expect(eventTypeNames(pub)).toEqual([...new Set(published)]);
    expect(eventTypeNames(findBuiltin('log-vs-queue')!)).toContain('OrderCancelled');
  });

  it('declaring the first event type declares every one the scenario refers to, so it stays valid', () => {
    const cqrs = structuredClone(findBuiltin('cqrs-orders')!);
    delete cqrs.topology.eventTypes;
    cqrs.topology.projections![0]!.on.push({
      eventType: 'LegacyImported',
      ops: [{ op: 'delete', key: { ref: 'event.streamId' } }],
    });
    const doc = addItem(cqrs, ['topology', 'eventTypes'], itemOf(section('eventTypes').field));
    const r = parseScenario(doc);
    expect(r.ok ? 'ok' : r.issues).toBe('ok');
  });
});

describe('freshName', () => {
  it('keeps a free name and numbers a taken one', () => {
    expect(freshName([], 'topic')).toBe('topic');
    expect(freshName(['topic', 'topic-2'], 'topic')).toBe('topic-3');
    expect(freshName(['SomethingHappened'], 'SomethingHappened', '')).toBe('SomethingHappened2');
  });
});
