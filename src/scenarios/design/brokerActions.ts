/** Step actions on the broker: publish, poll, consumers joining and leaving, offsets, partitions, time. */
import { member, resetTo, scriptedEvent, simple } from './actionPieces';
import { groupSelect, memberSelect, nonNeg, optInt, producerSelect, topicSelect } from './commonFields';
import { compactedTopicNames, eventTypeNames, first, groupIds, membersOf, producerIds, topicNames } from './draftNames';
import { type VariantDef } from './formTypes';

export const ISOLATION = ['read_uncommitted', 'read_committed'];

export const brokerActions: readonly VariantDef[] = [
  simple(
    'publish',
    [
      producerSelect,
      topicSelect(),
      scriptedEvent(true),
      { key: 'partition', kind: 'int', optional: true, min: 0 },
      { key: 'retry', kind: 'bool' },
      { key: 'tombstone', kind: 'bool' },
      { key: 'transactional', kind: 'bool' },
      { key: 'failOnce', kind: 'bool' },
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
    [
      groupSelect,
      memberSelect,
      optInt('maxRecords'),
      {
        key: 'commit',
        kind: 'select',
        options: ['after', 'before', 'manual'],
        optional: true,
        labels: { after: 'after processing', before: 'before processing', manual: 'manual' },
      },
      {
        key: 'crash',
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
  member('commit'),
  simple(
    'join',
    [groupSelect, memberSelect, { key: 'isolationLevel', kind: 'select', options: ISOLATION, optional: true }],
    (doc) => ({
      group: first(groupIds(doc), 'group'),
      member: first(membersOf(doc, first(groupIds(doc), '')), 'c1'),
    }),
  ),
  member('leave'),
  member('crash'),
  simple('seek', [groupSelect, memberSelect, topicSelect(), nonNeg('partition'), nonNeg('offset')], (doc) => ({
    group: first(groupIds(doc), 'group'),
    member: first(membersOf(doc, first(groupIds(doc), '')), 'c1'),
    topic: first(topicNames(doc), 'topic'),
    partition: 0,
    offset: 0,
  })),
  simple('reset-offsets', [groupSelect, topicSelect(), resetTo], (doc) => ({
    group: first(groupIds(doc), 'group'),
    topic: first(topicNames(doc), 'topic'),
    to: 'earliest',
  })),
  simple('add-partitions', [topicSelect(), { key: 'count', kind: 'int', min: 1, max: 64 }], (doc) => ({
    topic: first(topicNames(doc), 'topic'),
    count: 4,
  })),
  simple('restart-producer', [producerSelect], (doc) => ({
    producer: first(producerIds(doc), 'producer'),
  })),
  simple('advance-time', [{ key: 'ms', kind: 'int', min: 1 }], () => ({
    ms: 60_000,
  })),
  simple(
    'compact',
    [{ key: 'topic', kind: 'select', options: ({ doc }) => compactedTopicNames(doc), free: true }],
    (doc) => ({
      topic: first(compactedTopicNames(doc), first(topicNames(doc), 'topic')),
    }),
  ),
];
