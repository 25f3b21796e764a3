/**
 * The design editor's forms, as data: which fields each part of a scenario has, how each is edited
 * (text, number, choice from the scenario's own topics or groups, expression, nested list…), and
 * the template a new item starts from. The UI renders any `FieldDef` generically; a test checks
 * that every key of the schema is reachable from here, so a format change cannot silently leave a
 * field uneditable. Templates are valid on their own: adding any item keeps a scenario valid.
 */
import { append, getIn, setIn, type Path } from './paths';
import { indexScenario, type RefKind } from '../index/scenarioIndex';

/** What a choice list is computed from: the draft, the item being edited and its parent object. */
export interface OptionContext {
  doc: unknown;
  item: unknown;
}
export type OptionSource = readonly string[] | ((ctx: OptionContext) => string[]);

interface Base {
  key: string;
  label: string;
  hint?: string;
}

export type FieldDef =
  /** `renames`: the field is the name other parts refer to; after a change, offer to rename the references. */
  | (Base & { kind: 'text'; multiline?: boolean; optional?: boolean; renames?: RefKind })
  | (Base & { kind: 'int'; optional?: boolean; min?: number; max?: number; nullable?: string })
  /** A checkbox; an optional flag left at its default is removed (`defaultValue`, false unless set). */
  | (Base & { kind: 'bool'; required?: boolean; defaultValue?: boolean })
  /** A choice; `free` allows values that are not (yet) in the list. */
  | (Base & {
      kind: 'select';
      options: OptionSource;
      optional?: boolean;
      free?: boolean;
      labels?: Record<string, string>;
    })
  /** A list of names: checkboxes when the options are known, otherwise comma-separated text. */
  | (Base & { kind: 'names'; options?: OptionSource; optional?: boolean })
  /** A list of texts, one per line. */
  | (Base & { kind: 'lines' })
  /** A value expression: text, number, yes/no, empty, a field reference or a formula. */
  | (Base & { kind: 'expr' })
  /** Field name → value expression (the data of an emitted event, a projection's `set`). */
  | (Base & { kind: 'exprMap'; optional?: boolean })
  /** Field name → literal value (a scripted event's data, an aggregate's initial fields). */
  | (Base & { kind: 'valueMap'; optional?: boolean })
  /** A literal JSON value of any shape. */
  | (Base & { kind: 'json'; optional?: boolean })
  | (Base & { kind: 'guard' })
  /** A record key: a string, or no key at all (null). */
  | (Base & { kind: 'recordKey' })
  | (Base & { kind: 'list'; item: ItemDef; optional?: boolean })
  | (Base & { kind: 'group'; fields: readonly FieldDef[]; optional?: boolean; make?: (doc: unknown) => unknown })
  | (Base & { kind: 'variant'; variants: readonly VariantDef[] });

export interface ItemDef {
  /** "event type", "topic"… used in button names ("Add topic"). */
  noun: string;
  title: (item: unknown, index: number) => string;
  fields: readonly FieldDef[];
  make: (doc: unknown, list: readonly unknown[]) => unknown;
  /** Keeps the rest of the scenario consistent with the new item (declares the event types it emits). */
  after?: (doc: unknown, item: unknown) => unknown;
}

/** Adds a new item from its template at the end of the list at `path`; the draft, updated. */
export function addItem(doc: unknown, path: Path, item: ItemDef): unknown {
  const current = getIn(doc, path);
  const made = item.make(doc, Array.isArray(current) ? current : []);
  const next = append(doc, path, made);
  return item.after ? item.after(next, made) : next;
}

export interface VariantDef {
  id: string;
  label: string;
  matches: (value: unknown) => boolean;
  make: (doc: unknown) => unknown;
  fields: readonly FieldDef[];
  /** Where the fields live inside the value (`['publish']` for a reaction that publishes). */
  base?: Path;
}

export interface SectionDef {
  id: string;
  title: string;
  hint: string;
  path: Path;
  field: FieldDef;
  /** How many things the section holds, for its heading. */
  count?: (doc: unknown) => number;
}

// ---------------------------------------------------------------------------------------------
// Reading the draft defensively (it may not validate yet)
// ---------------------------------------------------------------------------------------------

const objects = (doc: unknown, path: Path): Record<string, unknown>[] => {
  const v = getIn(doc, path);
  return Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x))
    : [];
};
const strings = (values: unknown[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];
const str = (v: unknown, fallback = ''): string => (typeof v === 'string' && v !== '' ? v : fallback);
const field = (item: unknown, key: string): unknown => getIn(item, [key]);

// The draft's parts by name, read through the scenario index (cached per draft, tolerant of gaps).
const idx = indexScenario;
export const topicNames = (doc: unknown) => [...idx(doc).topics.keys()];
export const producerIds = (doc: unknown) => [...idx(doc).producers];
export const groupIds = (doc: unknown) => [...idx(doc).groups.keys()];
export const aggregateTypes = (doc: unknown) => [...idx(doc).aggregates.keys()];
export const projectionNames = (doc: unknown) => [...idx(doc).projections];
export const compactedTopicNames = (doc: unknown) =>
  [...idx(doc).topics].filter(([, t]) => t.compacted).map(([n]) => n);
export const queueNames = (doc: unknown) => [...idx(doc).queues.keys()];

/** The scenario's event types: declared, emitted, written by the script or published by services. */
export const eventTypeNames = (doc: unknown) => idx(doc).eventTypeNames;

const membersOf = (doc: unknown, groupId: unknown) =>
  typeof groupId === 'string' ? (idx(doc).groups.get(groupId)?.members ?? []) : [];
const commandsOf = (doc: unknown, aggregate: unknown) =>
  typeof aggregate === 'string' ? (idx(doc).aggregates.get(aggregate)?.commands ?? []) : [];
const consumersOf = (doc: unknown, queue: unknown) =>
  typeof queue === 'string' ? (idx(doc).queues.get(queue) ?? []) : [];
/** Field-reference suggestions for expressions: every declared event field under the usual roots. */
export function refSuggestions(doc: unknown): string[] {
  const fields = strings(
    objects(doc, ['topology', 'eventTypes']).flatMap((e) => objects(e, ['fields']).map((f) => f.name)),
  );
  const stateFields = strings(
    objects(doc, ['topology', 'aggregates']).flatMap((a) =>
      Object.keys((field(a, 'fields') as object | undefined) ?? {}),
    ),
  );
  return [
    ...fields.map((f) => `data.${f}`),
    ...fields.map((f) => `event.data.${f}`),
    ...fields.map((f) => `command.${f}`),
    ...['command.id', 'state.status', ...stateFields.map((f) => `state.${f}`)],
    'event.streamId',
    'event.eventType',
  ];
}

/** A name not used yet in a list: `base`, `base-2`, `base-3`… (or `Base2` for PascalCase names). */
export function freshName(taken: readonly string[], base: string, join = '-'): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}${join}${i}`)) return `${base}${join}${i}`;
}

const first = (values: readonly string[], fallback: string) => values[0] ?? fallback;

// ---------------------------------------------------------------------------------------------
// Reusable pieces
// ---------------------------------------------------------------------------------------------

const description: FieldDef = {
  key: 'description',
  label: 'Description',
  kind: 'text',
  multiline: true,
  optional: true,
};
const fieldTypes = ['string', 'number', 'boolean', 'object', 'array'] as const;

const fieldList: FieldDef = {
  key: 'fields',
  label: 'Fields',
  kind: 'list',
  item: {
    noun: 'field',
    title: (f) =>
      `${str(field(f, 'name'), '(unnamed)')}: ${str(field(f, 'type'), '?')}${field(f, 'optional') ? ' (optional)' : ''}`,
    fields: [
      { key: 'name', label: 'Field name', kind: 'text' },
      { key: 'type', label: 'Type', kind: 'select', options: fieldTypes },
      { key: 'optional', label: 'Optional', kind: 'bool' },
      description,
    ],
    make: (_doc, list) => ({
      name: freshName(
        list.map((f) => str(field(f, 'name'))),
        'field',
        '',
      ),
      type: 'string',
    }),
  },
};

const eventTypeSelect = (key = 'eventType', label = 'Event type'): FieldDef => ({
  key,
  label,
  kind: 'select',
  options: ({ doc }) => eventTypeNames(doc),
  free: true,
});
const topicSelect = (key = 'topic', label = 'Topic'): FieldDef => ({
  key,
  label,
  kind: 'select',
  options: ({ doc }) => topicNames(doc),
  free: true,
});
const groupSelect: FieldDef = {
  key: 'group',
  label: 'Consumer group',
  kind: 'select',
  options: ({ doc }) => groupIds(doc),
  free: true,
};
const memberSelect: FieldDef = {
  key: 'member',
  label: 'Member',
  kind: 'select',
  options: ({ doc, item }) => membersOf(doc, field(item, 'group')),
  free: true,
};
const producerSelect: FieldDef = {
  key: 'producer',
  label: 'Producer',
  kind: 'select',
  options: ({ doc }) => producerIds(doc),
  free: true,
};
const aggregateSelect: FieldDef = {
  key: 'aggregate',
  label: 'Aggregate',
  kind: 'select',
  options: ({ doc }) => aggregateTypes(doc),
  free: true,
};
const projectionSelect: FieldDef = {
  key: 'projection',
  label: 'Projection',
  kind: 'select',
  options: ({ doc }) => projectionNames(doc),
  free: true,
};
const queueSelect: FieldDef = {
  key: 'queue',
  label: 'Queue',
  kind: 'select',
  options: ({ doc }) => queueNames(doc),
  free: true,
};
const queueConsumer: FieldDef = {
  key: 'consumer',
  label: 'Consumer',
  kind: 'select',
  options: ({ doc, item }) => consumersOf(doc, field(item, 'queue')),
  free: true,
};
const optInt = (key: string, label: string, hint?: string): FieldDef => ({
  key,
  label,
  kind: 'int',
  optional: true,
  min: 1,
  hint,
});
const nonNeg = (key: string, label: string): FieldDef => ({ key, label, kind: 'int', min: 0 });

// ---------------------------------------------------------------------------------------------
// Topology
// ---------------------------------------------------------------------------------------------

const eventTypeItem: ItemDef = {
  noun: 'event type',
  title: (e) => `${str(field(e, 'name'), '(unnamed)')} v${String(field(e, 'schemaVersion') ?? '?')}`,
  fields: [
    {
      key: 'name',
      label: 'Name',
      kind: 'text',
      renames: 'eventType',
      hint: 'A fact in the past tense, PascalCase: RideRequested, not RequestRide.',
    },
    {
      key: 'schemaVersion',
      label: 'Schema version',
      kind: 'int',
      min: 1,
      hint: 'Bump it when the fields change; add an upcaster so old events can still be read.',
    },
    fieldList,
    {
      key: 'aggregate',
      label: 'Aggregate',
      kind: 'select',
      options: ({ doc }) => aggregateTypes(doc),
      optional: true,
      free: true,
    },
    { key: 'topic', label: 'Topic', kind: 'select', options: ({ doc }) => topicNames(doc), optional: true, free: true },
    description,
    {
      key: 'previousVersions',
      label: 'Earlier versions',
      kind: 'list',
      optional: true,
      item: {
        noun: 'earlier version',
        title: (v) => `version ${String(field(v, 'schemaVersion') ?? '?')}`,
        fields: [{ key: 'schemaVersion', label: 'Schema version', kind: 'int', min: 1 }, fieldList],
        make: () => ({ schemaVersion: 1, fields: [] }),
      },
    },
  ],
  make: (doc) => ({ name: freshName(eventTypeNames(doc), 'SomethingHappened', ''), schemaVersion: 1, fields: [] }),
  after: (doc, made) => {
    // The first declared event type turns the catalog on, and then every event type used must be
    // declared: declare the ones the scenario already uses, with the fields their data shows.
    const catalog = objects(doc, ['topology', 'eventTypes']);
    if (catalog.length !== 1) return doc;
    const used = usedEventTypes(doc).filter((u) => u.name !== str(field(made, 'name')));
    return used.length === 0 ? doc : setIn(doc, ['topology', 'eventTypes'], [...used.map(declaration), made]);
  },
};

type FieldType = (typeof fieldTypes)[number];
const typeOfValue = (v: unknown): FieldType =>
  typeof v === 'number'
    ? 'number'
    : typeof v === 'boolean'
      ? 'boolean'
      : Array.isArray(v)
        ? 'array'
        : typeof v === 'object' && v !== null && !('ref' in v)
          ? 'object'
          : 'string';

/**
 * Every event type the scenario refers to (written, read, routed or expected: once one is declared,
 * all of them must be), with the fields the data written shows.
 */
function usedEventTypes(doc: unknown): { name: string; fields: Map<string, FieldType> }[] {
  return [...idx(doc).eventTypes.values()].map((e) => {
    const fields = new Map<string, FieldType>();
    for (const w of e.writes)
      for (const [k, x] of Object.entries(w.data)) if (!fields.has(k)) fields.set(k, typeOfValue(x));
    return { name: e.name, fields };
  });
}

const declaration = (u: { name: string; fields: Map<string, FieldType> }) => ({
  name: u.name,
  schemaVersion: 1,
  fields: [...u.fields].map(([name, type]) => ({ name, type })),
  description: 'Declared from the events this scenario already uses; check the field types.',
});

const topicItem: ItemDef = {
  noun: 'topic',
  title: (t) =>
    `${str(field(t, 'name'), '(unnamed)')} · ${String(field(t, 'partitions') ?? '?')} partition(s)${field(t, 'cleanupPolicy') === 'compact' ? ' · compacted' : ''}`,
  fields: [
    { key: 'name', label: 'Name', kind: 'text', renames: 'topic' },
    { key: 'partitions', label: 'Partitions', kind: 'int', min: 1, max: 64 },
    {
      key: 'keyField',
      label: 'Key field',
      kind: 'text',
      optional: true,
      hint: 'The event field used as the record key — usually the aggregate id, so one entity’s events stay in order.',
    },
    {
      key: 'cleanupPolicy',
      label: 'Cleanup policy',
      kind: 'select',
      options: ['delete', 'compact'],
      optional: true,
      labels: { delete: 'delete (retention)', compact: 'compact (latest per key)' },
    },
    { key: 'retentionMs', label: 'Retention time (ms)', kind: 'int', optional: true, min: 1, nullable: 'Keep forever' },
    {
      key: 'retentionBytes',
      label: 'Retention size (bytes)',
      kind: 'int',
      optional: true,
      min: 1,
      nullable: 'No size limit',
    },
    optInt('segmentRecords', 'Records per segment'),
    { key: 'tombstoneRetentionMs', label: 'Tombstones kept for (ms)', kind: 'int', optional: true, min: 0 },
    description,
  ],
  make: (doc) => ({ name: freshName(topicNames(doc), 'topic'), partitions: 3 }),
};

const producerItem: ItemDef = {
  noun: 'producer',
  title: (p) => `${str(field(p, 'label'), '(no label)')} (${str(field(p, 'id'), '?')})`,
  fields: [
    { key: 'id', label: 'Id', kind: 'text', renames: 'producer' },
    { key: 'label', label: 'Label', kind: 'text' },
    { key: 'idempotent', label: 'Idempotent (a retried send is never duplicated)', kind: 'bool', defaultValue: true },
    optInt(
      'maxInFlight',
      'Requests in flight',
      'More than one lets a retry overtake a later request when idempotence is off.',
    ),
    optInt('stickyBatchSize', 'Sticky batch size (keyless records)'),
    description,
  ],
  make: (doc) => ({ id: freshName(producerIds(doc), 'producer'), label: 'New producer' }),
};

const groupItem: ItemDef = {
  noun: 'consumer group',
  title: (g) =>
    `${str(field(g, 'label'), str(field(g, 'id'), '(unnamed)'))} · ${Array.isArray(field(g, 'members')) ? (field(g, 'members') as unknown[]).length : 0} member(s)`,
  fields: [
    { key: 'id', label: 'Id', kind: 'text', renames: 'group' },
    { key: 'label', label: 'Label', kind: 'text', optional: true },
    { key: 'topics', label: 'Topics read', kind: 'names', options: ({ doc }) => topicNames(doc) },
    {
      key: 'members',
      label: 'Members',
      kind: 'names',
      hint: 'Consumer ids, comma-separated. Members beyond the partition count stay idle.',
    },
    {
      key: 'assignor',
      label: 'Assignor',
      kind: 'select',
      options: ['range', 'roundrobin', 'cooperative-sticky'],
      optional: true,
    },
    {
      key: 'autoOffsetReset',
      label: 'auto.offset.reset',
      kind: 'select',
      options: ['earliest', 'latest', 'none'],
      optional: true,
    },
    {
      key: 'commitMode',
      label: 'Commit',
      kind: 'select',
      options: ['after', 'before', 'manual'],
      optional: true,
      labels: {
        after: 'after processing (at-least-once)',
        before: 'before processing (at-most-once)',
        manual: 'manual',
      },
    },
    { key: 'idempotent', label: 'Idempotent consumer (skips an event id it has already processed)', kind: 'bool' },
    description,
  ],
  make: (doc) => ({
    id: freshName(groupIds(doc), 'group'),
    topics: [first(topicNames(doc), 'topic')],
    members: ['c1'],
  }),
};

/** Field name → value expression rows, the shape of an emitted event's data. */
const emitItem: ItemDef = {
  noun: 'emitted event',
  title: (e) => str(field(e, 'eventType'), '(no type)'),
  fields: [
    eventTypeSelect(),
    optInt('schemaVersion', 'Schema version'),
    { key: 'data', label: 'Data', kind: 'exprMap' },
  ],
  make: (doc) => ({ eventType: first(eventTypeNames(doc), 'SomethingHappened'), data: {} }),
};

const aggregateItem: ItemDef = {
  noun: 'aggregate',
  title: (a) => `${str(field(a, 'type'), '(unnamed)')} (streams ${str(field(a, 'streamPrefix'), '?')}…)`,
  fields: [
    { key: 'type', label: 'Type', kind: 'text', renames: 'aggregate' },
    {
      key: 'streamPrefix',
      label: 'Stream prefix',
      kind: 'text',
      hint: 'Streams are named prefix + id, e.g. "ride-" + "42".',
    },
    {
      key: 'version',
      label: 'Version',
      kind: 'int',
      min: 1,
      hint: 'Bump when the lifecycle changes: older snapshots are then ignored.',
    },
    { key: 'snapshotEvery', label: 'Snapshot every (events)', kind: 'int', optional: true, min: 0 },
    { key: 'initial', label: 'Initial lifecycle state', kind: 'text' },
    { key: 'fields', label: 'Initial state fields', kind: 'valueMap', optional: true },
    {
      key: 'commands',
      label: 'Commands',
      kind: 'list',
      item: {
        noun: 'command',
        title: (c) =>
          `${str(field(c, 'command'), '(unnamed)')} when ${Array.isArray(field(c, 'when')) ? (field(c, 'when') as unknown[]).join(' / ') : '?'}`,
        fields: [
          {
            key: 'command',
            label: 'Command',
            kind: 'text',
            hint: 'An instruction in the imperative, PascalCase: AcceptRide.',
          },
          {
            key: 'when',
            label: 'Accepted in lifecycle states',
            kind: 'names',
            hint: 'Comma-separated. In any other state the command is refused.',
          },
          { key: 'guard', label: 'Guard', kind: 'guard' },
          { key: 'rejectWith', label: 'Message when the guard fails', kind: 'text', optional: true },
          { key: 'emit', label: 'Events produced', kind: 'list', item: emitItem },
          description,
        ],
        make: (doc) => ({ command: 'DoSomething', when: ['none'], emit: [emitItem.make(doc, [])] }),
      },
    },
    {
      key: 'evolve',
      label: 'How events change the state',
      kind: 'list',
      item: {
        noun: 'state change',
        title: (e) => `${str(field(e, 'eventType'), '(no type)')}${field(e, 'to') ? ` → ${str(field(e, 'to'))}` : ''}`,
        fields: [
          eventTypeSelect(),
          { key: 'to', label: 'Moves to lifecycle state', kind: 'text', optional: true },
          { key: 'set', label: 'Sets state fields', kind: 'exprMap', optional: true },
        ],
        make: (doc) => ({ eventType: first(eventTypeNames(doc), 'SomethingHappened') }),
      },
    },
    description,
  ],
  make: (doc) => {
    const type = freshName(aggregateTypes(doc), 'Thing', '');
    return {
      type,
      streamPrefix: `${type.toLowerCase()}-`,
      version: 1,
      initial: 'none',
      commands: [
        {
          command: `Create${type}`,
          when: ['none'],
          emit: [{ eventType: `${type}Created`, data: { id: { ref: 'command.id' } } }],
        },
      ],
      evolve: [{ eventType: `${type}Created`, to: 'created' }],
    };
  },
  after: (doc, made) => {
    // With an event catalog, every emitted type must be declared: declare the new aggregate's first event.
    const catalog = getIn(doc, ['topology', 'eventTypes']);
    const type = str(field(made, 'type'));
    const name = `${type}Created`;
    if (!Array.isArray(catalog) || eventTypeNames({ topology: { eventTypes: catalog } }).includes(name)) return doc;
    return append(doc, ['topology', 'eventTypes'], {
      name,
      schemaVersion: 1,
      fields: [{ name: 'id', type: 'string' }],
      aggregate: type,
    });
  },
};

const keyOp = { key: 'key', label: 'Row key', kind: 'expr' } as const satisfies FieldDef;
const projectionOp: FieldDef = {
  key: '',
  label: 'Operation',
  kind: 'variant',
  variants: [
    {
      id: 'upsert',
      label: 'insert or replace fields',
      matches: (v) => field(v, 'op') === 'upsert',
      make: () => ({ op: 'upsert', key: { ref: 'event.streamId' }, set: {} }),
      fields: [keyOp, { key: 'set', label: 'Set', kind: 'exprMap' }],
    },
    {
      id: 'update',
      label: 'update an existing row',
      matches: (v) => field(v, 'op') === 'update',
      make: () => ({ op: 'update', key: { ref: 'event.streamId' }, set: {} }),
      fields: [keyOp, { key: 'set', label: 'Set', kind: 'exprMap' }],
    },
    {
      id: 'increment',
      label: 'add to a number',
      matches: (v) => field(v, 'op') === 'increment',
      make: () => ({ op: 'increment', key: { ref: 'event.streamId' }, field: 'count', by: 1 }),
      fields: [keyOp, { key: 'field', label: 'Column', kind: 'text' }, { key: 'by', label: 'By', kind: 'expr' }],
    },
    {
      id: 'append',
      label: 'append to a list',
      matches: (v) => field(v, 'op') === 'append',
      make: () => ({ op: 'append', key: { ref: 'event.streamId' }, field: 'items', value: { ref: 'event.eventType' } }),
      fields: [keyOp, { key: 'field', label: 'Column', kind: 'text' }, { key: 'value', label: 'Value', kind: 'expr' }],
    },
    {
      id: 'delete',
      label: 'delete the row',
      matches: (v) => field(v, 'op') === 'delete',
      make: () => ({ op: 'delete', key: { ref: 'event.streamId' } }),
      fields: [keyOp],
    },
  ],
};

const projectionItem: ItemDef = {
  noun: 'projection',
  title: (p) => `${str(field(p, 'title'), str(field(p, 'name'), '(unnamed)'))}`,
  fields: [
    { key: 'name', label: 'Name', kind: 'text', renames: 'projection' },
    { key: 'title', label: 'Title', kind: 'text' },
    { key: 'columns', label: 'Columns', kind: 'names', hint: 'Comma-separated, in display order.' },
    { key: 'lagMs', label: 'Delay behind the write side (ms)', kind: 'int', optional: true, min: 0 },
    optInt('version', 'Version'),
    {
      key: 'on',
      label: 'Handlers',
      kind: 'list',
      item: {
        noun: 'handler',
        title: (h) => `on ${str(field(h, 'eventType'), '(no type)')}`,
        fields: [
          eventTypeSelect(),
          {
            key: 'ops',
            label: 'Operations',
            kind: 'list',
            item: {
              noun: 'operation',
              title: (o) => str(field(o, 'op'), '?'),
              fields: [projectionOp],
              make: () => projectionOp.variants[0]!.make(undefined),
            },
          },
        ],
        make: (doc) => ({
          eventType: first(eventTypeNames(doc), 'SomethingHappened'),
          ops: [projectionOp.variants[0]!.make(doc)],
        }),
      },
    },
    description,
  ],
  make: (doc) => ({
    name: freshName(projectionNames(doc), 'read-model'),
    title: 'New read model',
    columns: ['status'],
    on: [
      {
        eventType: first(eventTypeNames(doc), 'SomethingHappened'),
        ops: [{ op: 'upsert', key: { ref: 'event.streamId' }, set: { status: { ref: 'event.eventType' } } }],
      },
    ],
  }),
};

const upcastOp: FieldDef = {
  key: '',
  label: 'Change',
  kind: 'variant',
  variants: [
    {
      id: 'rename',
      label: 'rename a field',
      matches: (v) => field(v, 'op') === 'rename',
      make: () => ({ op: 'rename', from: 'old', to: 'new' }),
      fields: [
        { key: 'from', label: 'From', kind: 'text' },
        { key: 'to', label: 'To', kind: 'text' },
      ],
    },
    {
      id: 'add',
      label: 'add a field with a default',
      matches: (v) => field(v, 'op') === 'add',
      make: () => ({ op: 'add', field: 'field', value: null }),
      fields: [
        { key: 'field', label: 'Field', kind: 'text' },
        { key: 'value', label: 'Default value', kind: 'json' },
      ],
    },
    {
      id: 'remove',
      label: 'remove a field',
      matches: (v) => field(v, 'op') === 'remove',
      make: () => ({ op: 'remove', field: 'field' }),
      fields: [{ key: 'field', label: 'Field', kind: 'text' }],
    },
    {
      id: 'convert',
      label: 'convert a field’s type',
      matches: (v) => field(v, 'op') === 'convert',
      make: () => ({ op: 'convert', field: 'field', to: 'string' }),
      fields: [
        { key: 'field', label: 'Field', kind: 'text' },
        { key: 'to', label: 'To type', kind: 'select', options: ['string', 'number', 'boolean'] },
      ],
    },
  ],
};

const upcasterItem: ItemDef = {
  noun: 'upcaster',
  title: (u) => `${str(field(u, 'eventType'), '(no type)')} from v${String(field(u, 'fromVersion') ?? '?')}`,
  fields: [
    eventTypeSelect(),
    {
      key: 'fromVersion',
      label: 'From schema version',
      kind: 'int',
      min: 1,
      hint: 'Events stored at this version are rewritten to the next one when read.',
    },
    {
      key: 'ops',
      label: 'Changes',
      kind: 'list',
      item: {
        noun: 'change',
        title: (o) => str(field(o, 'op'), '?'),
        fields: [upcastOp],
        make: () => upcastOp.variants[0]!.make(undefined),
      },
    },
    description,
  ],
  make: (doc) => {
    // The next version not upcast yet, so a new upcaster never duplicates one.
    const eventType = first(eventTypeNames(doc), 'SomethingHappened');
    const taken = objects(doc, ['topology', 'upcasters'])
      .filter((u) => u.eventType === eventType)
      .map((u) => (typeof u.fromVersion === 'number' ? u.fromVersion : 0));
    return { eventType, fromVersion: Math.max(0, ...taken) + 1, ops: [{ op: 'add', field: 'field', value: null }] };
  },
};

const relayGroup: FieldDef = {
  key: 'relay',
  label: 'Outbox relay',
  kind: 'group',
  optional: true,
  hint: 'Publishes stored events to topics in store order.',
  make: (doc) => ({ auto: true, routes: [{ topic: first(topicNames(doc), 'topic'), key: { ref: 'event.streamId' } }] }),
  fields: [
    { key: 'auto', label: 'Publish after every step (otherwise only on relay steps)', kind: 'bool', required: true },
    {
      key: 'routes',
      label: 'Routes',
      kind: 'list',
      item: {
        noun: 'route',
        title: (r) => `→ ${str(field(r, 'topic'), '?')}`,
        fields: [
          {
            key: 'eventTypes',
            label: 'Event types (none ticked: all)',
            kind: 'names',
            options: ({ doc }) => eventTypeNames(doc),
            optional: true,
          },
          topicSelect(),
          {
            key: 'key',
            label: 'Record key',
            kind: 'expr',
            hint: 'Usually event.streamId or the aggregate id, so each aggregate’s events stay in order.',
          },
        ],
        make: (doc) => ({ topic: first(topicNames(doc), 'topic'), key: { ref: 'event.streamId' } }),
      },
    },
  ],
};

const reactionAction: FieldDef = {
  key: '',
  label: 'Action',
  kind: 'variant',
  variants: [
    {
      id: 'command',
      label: 'send a command',
      matches: (v) => field(v, 'command') !== undefined,
      make: (doc) => ({
        command: first(commandsOf(doc, first(aggregateTypes(doc), '')), 'DoSomething'),
        aggregate: first(aggregateTypes(doc), 'Thing'),
        id: { ref: 'event.streamId' },
        data: {},
      }),
      fields: [
        aggregateSelect,
        {
          key: 'command',
          label: 'Command',
          kind: 'select',
          options: ({ doc, item }) => commandsOf(doc, field(item, 'aggregate')),
          free: true,
        },
        { key: 'id', label: 'Aggregate id', kind: 'expr' },
        { key: 'data', label: 'Command data', kind: 'exprMap' },
      ],
    },
    {
      id: 'publish',
      label: 'publish an event',
      matches: (v) => field(v, 'publish') !== undefined,
      make: (doc) => ({
        publish: {
          topic: first(topicNames(doc), 'topic'),
          eventType: first(eventTypeNames(doc), 'SomethingHappened'),
          streamId: { ref: 'event.streamId' },
          key: { ref: 'event.streamId' },
          data: {},
        },
      }),
      base: ['publish'],
      fields: [
        topicSelect(),
        eventTypeSelect(),
        { key: 'streamId', label: 'Stream', kind: 'expr' },
        { key: 'key', label: 'Record key', kind: 'expr' },
        { key: 'data', label: 'Data', kind: 'exprMap' },
      ],
    },
  ],
};

const serviceItem: ItemDef = {
  noun: 'service',
  title: (s) =>
    `${str(field(s, 'label'), str(field(s, 'id'), '(unnamed)'))} (reads through ${str(field(s, 'group'), '?')})`,
  fields: [
    { key: 'id', label: 'Id', kind: 'text' },
    { key: 'label', label: 'Label', kind: 'text' },
    groupSelect,
    {
      key: 'on',
      label: 'Reactions',
      kind: 'list',
      item: {
        noun: 'reaction',
        title: (r) => `on ${str(field(r, 'eventType'), '(no type)')}`,
        fields: [
          eventTypeSelect(),
          { key: 'when', label: 'Only when', kind: 'guard' },
          {
            key: 'do',
            label: 'Then',
            kind: 'list',
            item: {
              noun: 'action',
              title: (a) => (field(a, 'publish') ? 'publish' : `command ${str(field(a, 'command'), '?')}`),
              fields: [reactionAction],
              // Without an aggregate to command, a new reaction publishes instead.
              make: (doc) => reactionAction.variants[aggregateTypes(doc).length > 0 ? 0 : 1]!.make(doc),
            },
          },
        ],
        make: (doc) => ({ eventType: first(eventTypeNames(doc), 'SomethingHappened'), do: [] }),
      },
    },
    { key: 'failOn', label: 'Processing fails (poison message) when', kind: 'guard' },
    optInt('maxAttempts', 'Attempts before dead-lettering'),
    {
      key: 'deadLetterTopic',
      label: 'Dead-letter topic',
      kind: 'select',
      options: ({ doc }) => topicNames(doc),
      optional: true,
      free: true,
    },
    description,
  ],
  make: (doc) => ({
    id: freshName(strings(objects(doc, ['topology', 'services']).map((s) => s.id)), 'service'),
    label: 'New service',
    group: first(groupIds(doc), 'group'),
    on: [],
  }),
};

const queueItem: ItemDef = {
  noun: 'queue',
  title: (q) => str(field(q, 'name'), '(unnamed)'),
  fields: [
    { key: 'name', label: 'Name', kind: 'text', renames: 'queue' },
    { key: 'visibilityTimeoutMs', label: 'Redelivery timeout (ms)', kind: 'int', min: 1 },
    { key: 'consumers', label: 'Consumers', kind: 'names', hint: 'Comma-separated; they compete for messages.' },
    description,
  ],
  make: (doc) => ({ name: freshName(queueNames(doc), 'queue'), visibilityTimeoutMs: 30_000, consumers: ['worker-1'] }),
};

// ---------------------------------------------------------------------------------------------
// Script
// ---------------------------------------------------------------------------------------------

const commandCallFields: readonly FieldDef[] = [
  aggregateSelect,
  { key: 'id', label: 'Aggregate id', kind: 'text' },
  {
    key: 'command',
    label: 'Command',
    kind: 'select',
    options: ({ doc, item }) => commandsOf(doc, field(item, 'aggregate')),
    free: true,
  },
  { key: 'data', label: 'Command data', kind: 'valueMap' },
  { key: 'issuedBy', label: 'Sent by', kind: 'text', optional: true },
];
const makeCommandCall = (doc: unknown) => {
  const aggregate = first(aggregateTypes(doc), 'Thing');
  return { aggregate, id: '1', command: first(commandsOf(doc, aggregate), 'DoSomething'), data: {} };
};

const scriptedEvent = (withKey: boolean): FieldDef => ({
  key: 'event',
  label: 'Event',
  kind: 'group',
  fields: [
    eventTypeSelect(),
    ...(withKey
      ? ([
          { key: 'streamId', label: 'Stream', kind: 'text' },
          { key: 'key', label: 'Record key', kind: 'recordKey' },
        ] as const)
      : []),
    optInt('schemaVersion', 'Schema version'),
    { key: 'data', label: 'Data', kind: 'valueMap' },
  ],
});

const member = (kind: string, label: string): VariantDef => ({
  id: kind,
  label,
  matches: (v) => field(v, 'kind') === kind,
  make: (doc) => ({
    kind,
    group: first(groupIds(doc), 'group'),
    member: first(membersOf(doc, first(groupIds(doc), '')), 'c1'),
  }),
  fields: [groupSelect, memberSelect],
});
const simple = (
  kind: string,
  label: string,
  fields: readonly FieldDef[],
  make: (doc: unknown) => Record<string, unknown>,
): VariantDef => ({
  id: kind,
  label,
  matches: (v) => field(v, 'kind') === kind,
  make: (doc) => ({ kind, ...make(doc) }),
  fields,
});

const resetTo: FieldDef = {
  key: 'to',
  label: 'Reset to',
  kind: 'variant',
  variants: [
    { id: 'earliest', label: 'earliest', matches: (v) => v === 'earliest', make: () => 'earliest', fields: [] },
    { id: 'latest', label: 'latest', matches: (v) => v === 'latest', make: () => 'latest', fields: [] },
    {
      id: 'offset',
      label: 'an offset',
      matches: (v) => field(v, 'offset') !== undefined,
      make: () => ({ offset: 0 }),
      fields: [nonNeg('offset', 'Offset')],
    },
    {
      id: 'timestamp',
      label: 'a time',
      matches: (v) => field(v, 'timestamp') !== undefined,
      make: () => ({ timestamp: 0 }),
      fields: [nonNeg('timestamp', 'Timestamp (ms)')],
    },
  ],
};

export const stepAction: FieldDef = {
  key: 'action',
  label: 'What happens',
  kind: 'variant',
  variants: [
    simple(
      'publish',
      'a producer publishes a record',
      [
        producerSelect,
        topicSelect(),
        scriptedEvent(true),
        { key: 'partition', label: 'Explicit partition', kind: 'int', optional: true, min: 0 },
        { key: 'retry', label: 'Retry the producer’s previous request', kind: 'bool' },
        { key: 'tombstone', label: 'Tombstone (null value)', kind: 'bool' },
      ],
      (doc) => ({
        producer: first(producerIds(doc), 'producer'),
        topic: first(topicNames(doc), 'topic'),
        event: {
          eventType: first(eventTypeNames(doc), 'SomethingHappened'),
          streamId: 'thing-1',
          key: 'thing-1',
          data: {},
        },
      }),
    ),
    simple(
      'poll',
      'a consumer polls',
      [
        groupSelect,
        memberSelect,
        optInt('maxRecords', 'Max records'),
        {
          key: 'commit',
          label: 'Commit',
          kind: 'select',
          options: ['after', 'before', 'manual'],
          optional: true,
          labels: { after: 'after processing', before: 'before processing', manual: 'manual' },
        },
        {
          key: 'crash',
          label: 'Crash',
          kind: 'select',
          options: ['before-process', 'after-process'],
          optional: true,
          labels: { 'before-process': 'before processing', 'after-process': 'after processing, before committing' },
        },
      ],
      (doc) => ({
        group: first(groupIds(doc), 'group'),
        member: first(membersOf(doc, first(groupIds(doc), '')), 'c1'),
      }),
    ),
    member('commit', 'a consumer commits'),
    member('join', 'a consumer joins its group'),
    member('leave', 'a consumer leaves its group'),
    member('crash', 'a consumer crashes'),
    simple(
      'seek',
      'a consumer seeks',
      [groupSelect, memberSelect, topicSelect(), nonNeg('partition', 'Partition'), nonNeg('offset', 'Offset')],
      (doc) => ({
        group: first(groupIds(doc), 'group'),
        member: first(membersOf(doc, first(groupIds(doc), '')), 'c1'),
        topic: first(topicNames(doc), 'topic'),
        partition: 0,
        offset: 0,
      }),
    ),
    simple('reset-offsets', 'a group’s offsets are reset', [groupSelect, topicSelect(), resetTo], (doc) => ({
      group: first(groupIds(doc), 'group'),
      topic: first(topicNames(doc), 'topic'),
      to: 'earliest',
    })),
    simple(
      'add-partitions',
      'partitions are added',
      [topicSelect(), { key: 'count', label: 'New partition count', kind: 'int', min: 1, max: 64 }],
      (doc) => ({ topic: first(topicNames(doc), 'topic'), count: 4 }),
    ),
    simple('restart-producer', 'a producer restarts', [producerSelect], (doc) => ({
      producer: first(producerIds(doc), 'producer'),
    })),
    simple('advance-time', 'time passes', [{ key: 'ms', label: 'Milliseconds', kind: 'int', min: 1 }], () => ({
      ms: 60_000,
    })),
    simple(
      'compact',
      'a compacted topic is compacted now',
      [{ key: 'topic', label: 'Topic', kind: 'select', options: ({ doc }) => compactedTopicNames(doc), free: true }],
      (doc) => ({
        topic: first(compactedTopicNames(doc), first(topicNames(doc), 'topic')),
      }),
    ),
    simple('command', 'a command is sent', commandCallFields, makeCommandCall),
    simple(
      'race',
      'commands race on the same state',
      [
        {
          key: 'commands',
          label: 'Racing commands',
          kind: 'list',
          item: {
            noun: 'racing command',
            title: (c) => `${str(field(c, 'command'), '?')} ${str(field(c, 'id'))}`,
            fields: commandCallFields,
            make: makeCommandCall,
          },
        },
      ],
      (doc) => ({ commands: [makeCommandCall(doc), makeCommandCall(doc)] }),
    ),
    simple(
      'relay',
      'the outbox relay runs',
      [
        optInt('maxEvents', 'At most (events)'),
        { key: 'crashBeforeCheckpoint', label: 'Crash before saving its checkpoint', kind: 'bool' },
      ],
      () => ({}),
    ),
    simple(
      'project',
      'a projection catches up',
      [projectionSelect, optInt('maxEvents', 'At most (events)')],
      (doc) => ({ projection: first(projectionNames(doc), 'read-model') }),
    ),
    simple('rebuild', 'a projection is rebuilt from the store', [projectionSelect], (doc) => ({
      projection: first(projectionNames(doc), 'read-model'),
    })),
    simple(
      'query',
      'a read model is queried',
      [projectionSelect, { key: 'key', label: 'Row key', kind: 'text' }],
      (doc) => ({ projection: first(projectionNames(doc), 'read-model'), key: '1' }),
    ),
    simple(
      'load',
      'an aggregate is loaded',
      [
        aggregateSelect,
        { key: 'id', label: 'Aggregate id', kind: 'text' },
        { key: 'useSnapshot', label: 'From its latest snapshot', kind: 'bool' },
      ],
      (doc) => ({
        aggregate: first(aggregateTypes(doc), 'Thing'),
        id: '1',
      }),
    ),
    simple('enqueue', 'a message is queued', [queueSelect, scriptedEvent(false)], (doc) => ({
      queue: first(queueNames(doc), 'queue'),
      event: { eventType: first(eventTypeNames(doc), 'SomethingHappened'), data: {} },
    })),
    simple('receive', 'a queue consumer receives', [queueSelect, queueConsumer], (doc) => ({
      queue: first(queueNames(doc), 'queue'),
      consumer: first(consumersOf(doc, first(queueNames(doc), '')), 'worker-1'),
    })),
    simple('ack', 'a queue consumer acknowledges', [queueSelect, queueConsumer], (doc) => ({
      queue: first(queueNames(doc), 'queue'),
      consumer: first(consumersOf(doc, first(queueNames(doc), '')), 'worker-1'),
    })),
    simple('nack', 'a queue consumer gives a message back', [queueSelect, queueConsumer], (doc) => ({
      queue: first(queueNames(doc), 'queue'),
      consumer: first(consumersOf(doc, first(queueNames(doc), '')), 'worker-1'),
    })),
    simple('note', 'nothing (narration only)', [], () => ({})),
  ],
};

const questionGroup: FieldDef = {
  key: 'question',
  label: 'Question (pauses playback until answered)',
  kind: 'group',
  optional: true,
  make: () => ({
    id: 'q1',
    prompt: 'What happens next?',
    choices: [
      { id: 'a', text: 'This', correct: true },
      { id: 'b', text: 'That', correct: false },
    ],
    explanation: 'Because…',
  }),
  fields: [
    { key: 'id', label: 'Id', kind: 'text' },
    { key: 'prompt', label: 'Prompt', kind: 'text', multiline: true },
    {
      key: 'choices',
      label: 'Choices (none: a free-text answer)',
      kind: 'list',
      optional: true,
      item: {
        noun: 'choice',
        title: (c) => `${field(c, 'correct') ? '✓' : '✗'} ${str(field(c, 'text'), '(empty)')}`,
        fields: [
          { key: 'id', label: 'Id', kind: 'text' },
          { key: 'text', label: 'Text', kind: 'text' },
          { key: 'correct', label: 'Correct', kind: 'bool', required: true },
        ],
        make: (_doc, list) => ({
          id: freshName(
            list.map((c) => str(field(c, 'id'))),
            'choice',
          ),
          text: 'Another answer',
          correct: false,
        }),
      },
    },
    { key: 'multiple', label: 'Several choices may be picked', kind: 'bool' },
    { key: 'explanation', label: 'Explanation (shown after answering)', kind: 'text', multiline: true },
  ],
};

export const stepItem: ItemDef = {
  noun: 'step',
  title: (s, i) => `${i + 1}. ${str(field(s, 'title'), '(untitled)')}`,
  fields: [
    { key: 'title', label: 'Title', kind: 'text' },
    {
      key: 'narration',
      label: 'Narration',
      kind: 'text',
      multiline: true,
      hint: 'What the learner reads at this step: what happens and why it matters.',
    },
    stepAction,
    questionGroup,
    {
      key: 'expect',
      label: 'Checks after this step (JSON)',
      kind: 'json',
      optional: true,
      hint: 'Expectations such as {"kind":"log-end","topic":"rides","partition":0,"offset":3}; see FORMAT.md.',
    },
  ],
  make: () => ({ title: 'A new step', narration: 'What happens here, and why it matters.', action: { kind: 'note' } }),
};

// ---------------------------------------------------------------------------------------------
// Sections, in the order a designer works: events first, then where they flow, then the story
// ---------------------------------------------------------------------------------------------

const listLength = (path: Path) => (doc: unknown) => {
  const v = getIn(doc, path);
  return Array.isArray(v) ? v.length : 0;
};
const topo = (id: string, title: string, hint: string, item: ItemDef): SectionDef => ({
  id,
  title,
  hint,
  path: ['topology'],
  field: { key: id, label: title, kind: 'list', item, optional: true },
  count: listLength(['topology', id]),
});

export const sections: readonly SectionDef[] = [
  {
    id: 'about',
    title: 'About',
    hint: 'How the scenario appears on the start page.',
    path: [],
    field: {
      key: '',
      label: 'About',
      kind: 'group',
      fields: [
        { key: 'title', label: 'Title', kind: 'text' },
        { key: 'summary', label: 'Summary', kind: 'text', multiline: true },
        { key: 'level', label: 'Level', kind: 'select', options: ['beginner', 'intermediate', 'advanced'] },
        { key: 'concepts', label: 'Concepts', kind: 'names' },
        {
          key: 'intro',
          label: 'Introduction',
          kind: 'group',
          fields: [
            { key: 'title', label: 'Intro title', kind: 'text' },
            { key: 'narration', label: 'Intro narration', kind: 'text', multiline: true },
          ],
        },
        { key: 'takeaways', label: 'Takeaways (one per line)', kind: 'lines' },
        {
          key: 'seed',
          label: 'Random seed',
          kind: 'int',
          hint: 'Fixes every random choice (the sticky partitioner), so a run is the same every time.',
        },
        { key: 'startTime', label: 'Start time (ms since 1970)', kind: 'int', min: 0 },
        { key: 'stepMs', label: 'Time per step (ms)', kind: 'int', min: 1 },
        { key: 'order', label: 'Order on the start page', kind: 'int', optional: true, min: 0 },
        { key: 'practice', label: 'Practice questions (JSON)', kind: 'json', optional: true },
      ],
    },
  },
  topo('eventTypes', 'Event types', 'The facts your system records: names, versions and fields.', eventTypeItem),
  topo('topics', 'Topics', 'Where records are published: partitions, key, retention and cleanup.', topicItem),
  topo('producers', 'Producers', 'Who publishes records in the script.', producerItem),
  topo(
    'groups',
    'Consumer groups',
    'Who reads each topic, how partitions are shared and when offsets are committed.',
    groupItem,
  ),
  topo(
    'aggregates',
    'Aggregates',
    'Consistency boundaries: lifecycle states, the commands accepted in each, guards and the events they produce.',
    aggregateItem,
  ),
  topo('projections', 'Projections', 'Read models built from events, and how far behind they run.', projectionItem),
  topo('upcasters', 'Upcasters', 'How events stored at an old schema version are read at the new one.', upcasterItem),
  {
    id: 'relay',
    title: 'Outbox relay',
    hint: 'Carries stored events to topics.',
    path: ['topology'],
    field: relayGroup,
    count: (doc) => (getIn(doc, ['topology', 'relay']) ? 1 : 0),
  },
  topo('services', 'Services', 'What reacts to events read by a consumer group, and what it does.', serviceItem),
  topo('queues', 'Queues', 'A classic queue for contrast: messages removed on acknowledgement.', queueItem),
  {
    id: 'steps',
    title: 'Script',
    hint: 'The story, one step at a time, with narration.',
    path: [],
    field: { key: 'steps', label: 'Steps', kind: 'list', item: stepItem },
    count: listLength(['steps']),
  },
];
