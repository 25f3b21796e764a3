/**
 * Step actions on replicated topics (`topology.replication`): a producer's send with acks, a follower's
 * fetch, a consumer's fetch, a broker crashing or restarting, an admin's unclean election.
 */
import { simple } from './actionPieces';
import { optInt } from './commonFields';
import { field, first, objects, str } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

const replicatedTopics = (doc: unknown) =>
  objects(doc, ['topology', 'replication', 'topics'])
    .map((t) => str(field(t, 'name')))
    .filter((n) => n !== '');
const topic: FieldDef = { key: 'topic', kind: 'select', options: ({ doc }) => replicatedTopics(doc), free: true };
const partition = optInt('partition');
const broker: FieldDef = { key: 'broker', kind: 'int', min: 1, max: 9 };
const topicOf = (doc: unknown) => first(replicatedTopics(doc), 'payments');

export const replicationActions: readonly VariantDef[] = [
  simple(
    'produce',
    [
      { key: 'producer', kind: 'text' },
      topic,
      partition,
      { key: 'key', kind: 'recordKey' },
      { key: 'value', kind: 'text' },
      // 0 and 1 are numbers, all a string: a JSON value (a choice list holds strings only).
      { key: 'acks', kind: 'json' },
    ],
    (doc) => ({ producer: 'producer', topic: topicOf(doc), value: 'a record', acks: 'all' }),
  ),
  simple('follower-fetch', [topic, partition, broker], (doc) => ({ topic: topicOf(doc), broker: 2 })),
  simple('consumer-fetch', [{ key: 'consumer', kind: 'text' }, topic, partition], (doc) => ({
    consumer: 'consumer',
    topic: topicOf(doc),
  })),
  simple('crash-broker', [broker], () => ({ broker: 1 })),
  simple('restart-broker', [broker], () => ({ broker: 1 })),
  simple('elect-leader', [topic, partition, { key: 'election', kind: 'select', options: ['unclean'] }], (doc) => ({
    topic: topicOf(doc),
    election: 'unclean',
  })),
];
