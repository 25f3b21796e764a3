/** Step actions on the event store and read side (commands, races, relay, projections) and on queues. */
import { commandCallFields, makeCommandCall, scriptedEvent, simple } from './actionPieces';
import { aggregateSelect, optInt, projectionSelect, queueConsumer, queueSelect } from './commonFields';
import {
  aggregateTypes,
  consumersOf,
  eventTypeNames,
  field,
  first,
  projectionNames,
  queueNames,
  str,
} from './draftNames';
import { type VariantDef } from './formTypes';

export const storeActions: readonly VariantDef[] = [
  simple('command', commandCallFields, makeCommandCall),
  simple(
    'race',
    [
      {
        key: 'commands',
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
  simple('relay', [optInt('maxEvents'), { key: 'crashBeforeCheckpoint', kind: 'bool' }], () => ({})),
  simple('project', [projectionSelect, optInt('maxEvents')], (doc) => ({
    projection: first(projectionNames(doc), 'read-model'),
  })),
  simple('rebuild', [projectionSelect], (doc) => ({
    projection: first(projectionNames(doc), 'read-model'),
  })),
  simple('query', [projectionSelect, { key: 'key', kind: 'text' }], (doc) => ({
    projection: first(projectionNames(doc), 'read-model'),
    key: '1',
  })),
  simple(
    'load',
    [
      aggregateSelect,
      { key: 'id', kind: 'text' },
      // unset means "from the snapshot": the box starts ticked, and unticking writes false
      { key: 'useSnapshot', kind: 'bool', defaultValue: true },
    ],
    (doc) => ({
      aggregate: first(aggregateTypes(doc), 'Thing'),
      id: '1',
    }),
  ),
];

export const queueActions: readonly VariantDef[] = [
  simple('enqueue', [queueSelect, scriptedEvent(false)], (doc) => ({
    queue: first(queueNames(doc), 'queue'),
    event: { eventType: first(eventTypeNames(doc), 'SomethingHappened'), data: {} },
  })),
  simple('receive', [queueSelect, queueConsumer], (doc) => ({
    queue: first(queueNames(doc), 'queue'),
    consumer: first(consumersOf(doc, first(queueNames(doc), '')), 'worker-1'),
  })),
  simple('ack', [queueSelect, queueConsumer], (doc) => ({
    queue: first(queueNames(doc), 'queue'),
    consumer: first(consumersOf(doc, first(queueNames(doc), '')), 'worker-1'),
  })),
  simple('nack', [queueSelect, queueConsumer], (doc) => ({
    queue: first(queueNames(doc), 'queue'),
    consumer: first(consumersOf(doc, first(queueNames(doc), '')), 'worker-1'),
  })),
  simple('note', [], () => ({})),
];
