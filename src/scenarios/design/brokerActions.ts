/** Step actions on the broker: publish, poll, consumers joining and leaving, offsets, partitions, time. */
import { member, resetTo, scriptedEvent, simple } from './actionPieces';
import { groupSelect, memberSelect, nonNeg, optInt, producerSelect, topicSelect } from './commonFields';
import { compactedTopicNames, eventTypeNames, first, groupIds, membersOf, producerIds, topicNames } from './draftNames';
import { type VariantDef } from './formTypes';

export const brokerActions: readonly VariantDef[] = [
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
];
