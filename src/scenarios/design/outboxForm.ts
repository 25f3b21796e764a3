/** The form of an outbox table (`topology.outboxes`, `format/outbox.ts`): its publisher and the topic it sends to. */
import { description, topicSelect } from './commonFields';
import { field, first, freshName, objects, str, topicNames } from './draftNames';
import { type ItemDef } from './formTypes';

export const outboxItem: ItemDef = {
  noun: 'outbox table',
  title: (o) =>
    `${str(field(o, 'id'), '(unnamed)')} · ${str(field(o, 'publisher'), '?')} → ${str(field(o, 'topic'), '?')}`,
  fields: [
    { key: 'id', kind: 'text' },
    { key: 'label', kind: 'text', optional: true },
    {
      key: 'publisher',
      kind: 'select',
      options: ['after-last-id', 'unpublished', 'log-tailing'],
      labels: {
        'after-last-id': 'poll by last id',
        unpublished: 'poll unpublished rows',
        'log-tailing': 'log tailing (CDC)',
      },
    },
    topicSelect(),
    description,
  ],
  make: (doc) => ({
    id: freshName(
      objects(doc, ['topology', 'outboxes']).map((o) => str(o.id)),
      'outbox',
    ),
    publisher: 'log-tailing',
    topic: first(topicNames(doc), 'topic'),
  }),
};
