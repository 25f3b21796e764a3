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
  simple('project', 'a projection catches up', [projectionSelect, optInt('maxEvents', 'At most (events)')], (doc) => ({
    projection: first(projectionNames(doc), 'read-model'),
  })),
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
];

export const queueActions: readonly VariantDef[] = [
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
];
