/** The aggregate form: lifecycle, commands with their guards and emitted events, state changes. */
import { description, eventTypeSelect, optInt } from './commonFields';
import { aggregateTypes, eventTypeNames, field, first, freshName, str } from './draftNames';
import { type ItemDef } from './formTypes';
import { append, getIn } from './paths';

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

export const aggregateItem: ItemDef = {
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
