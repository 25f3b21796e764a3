/** The aggregate form: lifecycle, commands with their guards and emitted events, state changes. */
import { description, eventTypeSelect, optInt } from './commonFields';
import { aggregateTypes, eventTypeNames, field, first, freshName, str } from './draftNames';
import { type ItemDef } from './formTypes';
import { append, getIn } from './paths';

const emitItem: ItemDef = {
  noun: 'emitted event',
  title: (e) => str(field(e, 'eventType'), '(no type)'),
  fields: [eventTypeSelect(), optInt('schemaVersion'), { key: 'data', kind: 'exprMap' }],
  make: (doc) => ({ eventType: first(eventTypeNames(doc), 'SomethingHappened'), data: {} }),
};

/** A check before the guard, with its own message (a value, so it can name the id it refuses). */
const checkItem: ItemDef = {
  noun: 'check',
  title: (_item, i) => `check ${i + 1}`,
  fields: [
    { key: 'guard', kind: 'guard', label: 'Condition that must hold' },
    { key: 'rejectWith', kind: 'expr', label: 'Message when it does not hold' },
  ],
  make: () => ({
    guard: { not: { has: [{ ref: 'state.doneIds' }, { ref: 'command.requestId' }] } },
    rejectWith: { concat: ['Refused: request ', { ref: 'command.requestId' }, ' was already done'] },
  }),
};

export const aggregateItem: ItemDef = {
  noun: 'aggregate',
  title: (a) => `${str(field(a, 'type'), '(unnamed)')} (streams ${str(field(a, 'streamPrefix'), '?')}…)`,
  fields: [
    { key: 'type', kind: 'text', renames: 'aggregate' },
    {
      key: 'streamPrefix',
      kind: 'text',
    },
    {
      key: 'version',
      kind: 'int',
      min: 1,
    },
    { key: 'snapshotEvery', kind: 'int', optional: true, min: 0 },
    { key: 'initial', kind: 'text' },
    { key: 'fields', kind: 'valueMap', optional: true },
    {
      key: 'commands',
      kind: 'list',
      item: {
        noun: 'command',
        title: (c) =>
          `${str(field(c, 'command'), '(unnamed)')} when ${Array.isArray(field(c, 'when')) ? (field(c, 'when') as unknown[]).join(' / ') : '?'}`,
        fields: [
          {
            key: 'command',
            kind: 'text',
          },
          {
            key: 'when',
            kind: 'names',
          },
          { key: 'guard', kind: 'guard' },
          { key: 'rejectWith', kind: 'text', optional: true },
          { key: 'checks', kind: 'list', optional: true, item: checkItem },
          { key: 'emit', kind: 'list', item: emitItem },
          description,
        ],
        make: (doc) => ({ command: 'DoSomething', when: ['none'], emit: [emitItem.make(doc, [])] }),
      },
    },
    {
      key: 'evolve',
      kind: 'list',
      item: {
        noun: 'state change',
        title: (e) => `${str(field(e, 'eventType'), '(no type)')}${field(e, 'to') ? ` → ${str(field(e, 'to'))}` : ''}`,
        fields: [
          eventTypeSelect(),
          { key: 'to', kind: 'text', optional: true },
          { key: 'set', kind: 'exprMap', optional: true },
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
