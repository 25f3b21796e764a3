/**
 * Step actions of a consumer's poll loop (`format/backpressure.ts`): a consumer started with its settings, a
 * batch polled and processed, partitions paused and resumed, a clean stop, a burst of records.
 */
import { simple } from './actionPieces';
import { eventTypeSelect, groupSelect, memberSelect, optInt, producerSelect, topicSelect } from './commonFields';
import { eventTypeNames, first, groupIds, membersOf, producerIds, topicNames } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

const who = (doc: unknown) => ({
  group: first(groupIds(doc), 'group'),
  member: first(membersOf(doc, first(groupIds(doc), '')), 'c1'),
});
const partitions: FieldDef = { key: 'partitions', kind: 'json' };

export const pollLoopActions: readonly VariantDef[] = [
  simple(
    'start-consumer',
    [
      groupSelect,
      memberSelect,
      { key: 'groupInstanceId', kind: 'text', optional: true },
      optInt('maxPollRecords'),
      optInt('maxPollIntervalMs'),
      optInt('sessionTimeoutMs'),
    ],
    who,
  ),
  simple(
    'poll-batch',
    [
      groupSelect,
      memberSelect,
      { key: 'perRecordMs', kind: 'int', min: 1 },
      optInt('maxRecords'),
      { key: 'commit', kind: 'bool', defaultValue: true },
    ],
    (doc) => ({ ...who(doc), perRecordMs: 1000 }),
  ),
  simple('pause-partitions', [groupSelect, memberSelect, topicSelect(), partitions], (doc) => ({
    ...who(doc),
    topic: first(topicNames(doc), 'topic'),
    partitions: [0],
  })),
  simple('resume-partitions', [groupSelect, memberSelect, topicSelect(), partitions], (doc) => ({
    ...who(doc),
    topic: first(topicNames(doc), 'topic'),
    partitions: [0],
  })),
  simple('stop-consumer', [groupSelect, memberSelect], who),
  simple(
    'publish-burst',
    [
      producerSelect,
      topicSelect(),
      eventTypeSelect(),
      { key: 'count', kind: 'int', min: 1, max: 500 },
      { key: 'keys', kind: 'json' },
      { key: 'data', kind: 'valueMap', optional: true },
    ],
    (doc) => ({
      producer: first(producerIds(doc), 'producer'),
      topic: first(topicNames(doc), 'topic'),
      eventType: first(eventTypeNames(doc), 'SomethingHappened'),
      count: 10,
      keys: ['key-1', 'key-2'],
    }),
  ),
];
