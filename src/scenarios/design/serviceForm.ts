/** The outbox relay's routes, and services: reactions to the events a consumer group reads. */
import { aggregateSelect, description, eventTypeSelect, groupSelect, optInt, topicSelect } from './commonFields';
import {
  aggregateTypes,
  commandsOf,
  eventTypeNames,
  field,
  first,
  freshName,
  groupIds,
  objects,
  str,
  strings,
  topicNames,
} from './draftNames';
import { ReactionAction } from '../schema';
import { type FieldDef, type ItemDef } from './formTypes';
import { variantText } from './schemaText';

export const relayGroup: FieldDef = {
  key: 'relay',
  kind: 'group',
  optional: true,
  make: (doc) => ({ auto: true, routes: [{ topic: first(topicNames(doc), 'topic'), key: { ref: 'event.streamId' } }] }),
  fields: [
    { key: 'auto', kind: 'bool', required: true },
    {
      key: 'routes',
      kind: 'list',
      item: {
        noun: 'route',
        title: (r) => `→ ${str(field(r, 'topic'), '?')}`,
        fields: [
          {
            key: 'eventTypes',
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
  kind: 'variant',
  variants: [
    {
      id: 'command',
      ...variantText(ReactionAction, 'command'),
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
          kind: 'select',
          options: ({ doc, item }) => commandsOf(doc, field(item, 'aggregate')),
          free: true,
        },
        { key: 'id', label: 'Aggregate id', kind: 'expr' },
        { key: 'data', kind: 'exprMap' },
      ],
    },
    {
      id: 'publish',
      ...variantText(ReactionAction, 'publish'),
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
        { key: 'data', kind: 'exprMap' },
      ],
    },
  ],
};

export const serviceItem: ItemDef = {
  noun: 'service',
  title: (s) =>
    `${str(field(s, 'label'), str(field(s, 'id'), '(unnamed)'))} (reads through ${str(field(s, 'group'), '?')})`,
  fields: [
    { key: 'id', kind: 'text' },
    { key: 'label', kind: 'text' },
    groupSelect,
    {
      key: 'on',
      kind: 'list',
      item: {
        noun: 'reaction',
        title: (r) => `on ${str(field(r, 'eventType'), '(no type)')}`,
        fields: [
          eventTypeSelect(),
          { key: 'when', label: 'Only when', kind: 'guard' },
          {
            key: 'do',
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
    { key: 'failOn', kind: 'guard' },
    optInt('maxAttempts'),
    {
      key: 'deadLetterTopic',
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
