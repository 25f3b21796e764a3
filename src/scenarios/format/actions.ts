/**
 * The scenario format's step actions: what happens at a step, one kind each. Part of `scenarios/schema.ts`.
 * Titles and descriptions (`.meta()`) are the design editor's labels and hints and the JSON Schema's docs:
 * each says what the action does in the simulated system, in words true of real Kafka / KurrentDB.
 */
import { z } from '../zod';
import { Id, CommandName, DataObject, EventTypeName, NonNegInt } from './basics';
import { IsolationLevel } from './messaging';
import { REPLICATION_ACTIONS } from './replication';
import { TRANSACTION_ACTIONS } from './transactions';
import { SAGA_ACTIONS } from './sagas';
import { REGISTRY_ACTIONS } from './registry';
import { MIRROR_ACTIONS } from './mirror';
import { OUTBOX_ACTIONS } from './outbox';
import { STREAM_ACTIONS } from './streams';
import { PRIVACY_ACTIONS } from './privacy';
import { SPEC_ACTIONS } from './specs';
import { POLL_LOOP_ACTIONS } from './backpressure';

// The parts of the topology an action names. One definition each, so every action describes them alike.
const group = Id.meta({ title: 'Consumer group' });
const member = Id.meta({ title: 'Member', description: 'The consumer’s id in that group.' });
const topic = Id.meta({ title: 'Topic' });
const producer = Id.meta({ title: 'Producer' });
const projection = Id.meta({ title: 'Projection' });
const queue = Id.meta({ title: 'Queue' });
const queueConsumer = Id.meta({ title: 'Consumer', description: 'One of the queue’s consumers.' });
const aggregate = z
  .string()
  .min(1)
  .max(64)
  .meta({ title: 'Aggregate', description: 'An aggregate type of the topology.' });
const aggregateId = z
  .string()
  .min(1)
  .max(64)
  .meta({ title: 'Aggregate id', description: 'Which one: its events are the stream <stream prefix><id>.' });

export const EventSpec = z.strictObject({
  eventType: EventTypeName.meta({
    title: 'Event type',
    description:
      'What happened, in the past tense (e.g. OrderPlaced); once the scenario declares event types, one of them.',
  }),
  streamId: Id.meta({
    title: 'Stream',
    description:
      'The entity the event is about (e.g. order-42). A published record carries it in its subject header; a publish writes nothing to the event store.',
  }),
  key: z.string().max(200).nullable().meta({
    title: 'Record key',
    description: 'The record key on the topic; null for a keyless record (the sticky partitioner picks).',
  }),
  schemaVersion: z.number().int().min(1).optional().meta({
    title: 'Schema version',
    description: 'The version of the event type’s schema this data follows; 1 when omitted.',
  }),
  data: DataObject.meta({ title: 'Data', description: 'The event’s fields and their values.' }),
});

export const CommandCall = z.strictObject({
  aggregate,
  id: aggregateId,
  command: CommandName.meta({
    title: 'Command',
    description: 'What is asked, in the imperative (e.g. PlaceOrder): one the aggregate handles.',
  }),
  data: DataObject.meta({ title: 'Command data', description: 'The fields the command carries.' }),
  issuedBy: z.string().max(64).optional().meta({ title: 'Sent by', description: 'Who sends it, shown in the views.' }),
});

export const ResetTo = z
  .union([
    z.enum(['earliest', 'latest']),
    z.strictObject({ offset: NonNegInt.meta({ title: 'Offset' }) }),
    z.strictObject({ timestamp: NonNegInt.meta({ title: 'Timestamp (ms)' }) }),
  ])
  .meta({
    title: 'Reset to',
    description:
      'earliest: the log-start offset; latest: the log-end offset; an offset; or a time in ms: the first record at or after it (offsetsForTimes), else the log end.',
  });

const maxEvents = z.number().int().min(1).optional();

export const Action = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('publish'),
      producer,
      topic,
      event: EventSpec.meta({ title: 'Event', description: 'The event the record carries.' }),
      partition: NonNegInt.optional().meta({
        title: 'Explicit partition',
        description:
          'Sends to this partition whatever the key. Without it a keyed record goes to toPositive(murmur2(key)) mod the partition count the producer knows, a keyless one to the sticky partitioner’s partition.',
      }),
      retry: z.boolean().optional().meta({
        title: 'Retry the producer’s previous request',
        description:
          'Resends the producer’s previous request (the event above is not sent), as a client does after a lost acknowledgement: an idempotent producer’s retry in the same session is recognised and not appended again; otherwise it is a duplicate.',
      }),
      failOnce: z.boolean().optional().meta({
        title: 'The first attempt fails transiently',
        description:
          'The send fails (a timeout, a lost connection): nothing is stored, and the producer keeps the record in flight and retries it with its next send. An idempotent producer, or one with max.in.flight = 1, retries it first; otherwise the later record lands first and the retry after it, out of order.',
      }),
      transactional: z.boolean().optional().meta({
        title: 'Inside the producer’s transaction',
        description:
          'A transactional producer’s send (between begin and commit or abort): its record is invisible to read_committed consumers until the transaction commits, and skipped by them if it aborts.',
      }),
      tombstone: z.boolean().optional().meta({
        title: 'Tombstone (null value)',
        description:
          'The record’s value is null: on a compacted topic, compaction then removes the key’s earlier records. The event type stays in the headers.',
      }),
    })
    .meta({
      title: 'a producer publishes a record',
      description:
        'A direct producer sends one record to a topic and nothing else: nothing is stored in the event store (only commands append there).',
    }),
  z
    .strictObject({
      kind: z.literal('poll'),
      group,
      member,
      maxRecords: z.number().int().min(1).max(1000).optional().meta({
        title: 'Max records',
        description: 'At most this many records in this poll (max.poll.records, 500 when omitted).',
      }),
      commit: z.enum(['after', 'before', 'manual']).optional().meta({
        title: 'Commit',
        description:
          'Overrides the group’s commit mode for this poll: after processing (at-least-once), before processing (at-most-once), or not at all (a later commit step).',
      }),
      crash: z.enum(['before-process', 'after-process']).optional().meta({
        title: 'Crash',
        description:
          'The consumer crashes during this poll, before processing what it fetched or after processing it but before committing; the next owner starts from the committed offset.',
      }),
    })
    .meta({
      title: 'a consumer polls',
      description: 'A member fetches records from its partitions, from its position, and processes them.',
    }),
  z.strictObject({ kind: z.literal('commit'), group, member }).meta({
    title: 'a consumer commits',
    description: 'The member commits its current positions: after a restart or rebalance its partitions resume there.',
  }),
  z
    .strictObject({
      kind: z.literal('join'),
      group,
      member,
      isolationLevel: IsolationLevel.optional().meta({
        title: 'isolation.level',
        description:
          'This consumer’s isolation.level; the group’s (else read_uncommitted, Kafka’s default) when omitted.',
      }),
    })
    .meta({
      title: 'a consumer joins its group',
      description: 'A new member joins: the group rebalances and it may get partitions.',
    }),
  z.strictObject({ kind: z.literal('leave'), group, member }).meta({
    title: 'a consumer leaves its group',
    description: 'The member leaves cleanly: the group rebalances and its partitions go to the others.',
  }),
  z.strictObject({ kind: z.literal('crash'), group, member }).meta({
    title: 'a consumer crashes',
    description:
      'The member stops without committing: the coordinator evicts it once its session.timeout.ms passes with no heartbeat (the clock moves on by that much), and the next owner of its partitions restarts from the committed offset.',
  }),
  z
    .strictObject({
      kind: z.literal('seek'),
      group,
      member,
      topic,
      partition: NonNegInt.meta({ title: 'Partition', description: 'One the member owns.' }),
      offset: NonNegInt.meta({ title: 'Offset' }),
    })
    .meta({
      title: 'a consumer seeks',
      description:
        'The member’s next fetch from that partition starts at this offset; the committed offset is unchanged.',
    }),
  z.strictObject({ kind: z.literal('reset-offsets'), group, topic, to: ResetTo }).meta({
    title: 'a group’s offsets are reset',
    description:
      'The group’s committed offsets on the topic move (kafka-consumer-groups --reset-offsets); refused while the group has members.',
  }),
  z
    .strictObject({
      kind: z.literal('add-partitions'),
      topic,
      count: z.number().int().min(1).max(64).meta({
        title: 'New partition count',
        description: 'Partitions can only be added: keys hashed with the new count may move to another partition.',
      }),
    })
    .meta({
      title: 'partitions are added',
      description:
        'The topic gets more partitions. Producers keep using the count in their cached metadata until it refreshes (metadata.max.age.ms, 5 minutes).',
    }),
  z.strictObject({ kind: z.literal('restart-producer'), producer }).meta({
    title: 'a producer restarts',
    description:
      'The producer process restarts and gets a new producer id: its sequence numbers start again, so the broker cannot recognise resends of the old session’s records.',
  }),
  z
    .strictObject({
      kind: z.literal('advance-time'),
      ms: z
        .number()
        .int()
        .min(1)
        .max(365 * 86_400_000)
        .meta({ title: 'Milliseconds' }),
    })
    .meta({
      title: 'time passes',
      description: 'The simulated clock moves on: retention runs on every topic and queue leases expire.',
    }),
  z.strictObject({ kind: z.literal('compact'), topic }).meta({
    title: 'a compacted topic is compacted now',
    description:
      'The log cleaner visits the topic now: when enough of the log is dirty, it removes records whose key has a later record (never from the active segment).',
  }),
  z.strictObject({ kind: z.literal('command'), ...CommandCall.shape }).meta({
    title: 'a command is sent',
    description:
      'The aggregate is loaded from its stream, decides, and appends the resulting events to the event store (or refuses the command).',
  }),
  z
    .strictObject({
      kind: z.literal('race'),
      commands: z.array(CommandCall).min(2).max(5).meta({ title: 'Racing commands' }),
    })
    .meta({
      title: 'commands race on the same state',
      description:
        'Two or more commands are decided against the same state at the same moment: optimistic concurrency lets the first append win; each of the others fails on its expected revision and is retried against the new state.',
    }),
  z
    .strictObject({
      kind: z.literal('relay'),
      maxEvents: maxEvents.meta({ title: 'At most (events)' }),
      crashBeforeCheckpoint: z.boolean().optional().meta({
        title: 'Crash before saving its checkpoint',
        description: 'It publishes, then crashes: its next run publishes the same events again (at-least-once).',
      }),
    })
    .meta({
      title: 'the outbox relay runs',
      description: 'The relay reads stored events after its checkpoint and publishes them to their topics.',
    }),
  z
    .strictObject({ kind: z.literal('project'), projection, maxEvents: maxEvents.meta({ title: 'At most (events)' }) })
    .meta({
      title: 'a projection catches up',
      description: 'The projection applies the stored events after its checkpoint now, whatever its lag setting.',
    }),
  z.strictObject({ kind: z.literal('rebuild'), projection }).meta({
    title: 'a projection is rebuilt from the store',
    description:
      'The read model is dropped and rebuilt by applying every stored event again, from the start of the store.',
  }),
  z
    .strictObject({
      kind: z.literal('query'),
      projection,
      key: z.string().max(200).meta({ title: 'Row key' }),
    })
    .meta({
      title: 'a read model is queried',
      description: 'Reads one row and says whether the answer is stale: stored events it has not applied yet.',
    }),
  z
    .strictObject({
      kind: z.literal('load'),
      aggregate,
      id: aggregateId,
      useSnapshot: z.boolean().optional().meta({
        title: 'From its latest snapshot',
        description:
          'On (the default): start from the latest snapshot, if there is one, and fold only later events; off: replay every event of the stream.',
      }),
    })
    .meta({
      title: 'an aggregate is loaded',
      description: 'The aggregate’s state is rebuilt by folding its stream’s events; the step says how many were read.',
    }),
  z
    .strictObject({
      kind: z.literal('enqueue'),
      queue,
      event: EventSpec.omit({ key: true, streamId: true }).meta({ title: 'Message' }),
    })
    .meta({
      title: 'a message is queued',
      description: 'A message is added to the queue; it waits there until a consumer receives it.',
    }),
  z.strictObject({ kind: z.literal('receive'), queue, consumer: queueConsumer }).meta({
    title: 'a queue consumer receives',
    description:
      'The consumer takes the oldest waiting message; no other consumer gets it until it is acknowledged, given back, or its lease (visibility timeout) expires.',
  }),
  z.strictObject({ kind: z.literal('ack'), queue, consumer: queueConsumer }).meta({
    title: 'a queue consumer acknowledges',
    description: 'The message the consumer holds is removed for good: a queue keeps no history to replay.',
  }),
  z.strictObject({ kind: z.literal('nack'), queue, consumer: queueConsumer }).meta({
    title: 'a queue consumer gives a message back',
    description: 'The message the consumer holds is available again at once, to be delivered again.',
  }),
  z
    .strictObject({ kind: z.literal('note') })
    .meta({ title: 'nothing (narration only)', description: 'Nothing happens in the system: the step only tells.' }),
  ...REPLICATION_ACTIONS,
  ...TRANSACTION_ACTIONS,
  ...SAGA_ACTIONS,
  ...REGISTRY_ACTIONS,
  ...MIRROR_ACTIONS,
  ...OUTBOX_ACTIONS,
  ...STREAM_ACTIONS,
  ...PRIVACY_ACTIONS,
  ...SPEC_ACTIONS,
  ...POLL_LOOP_ACTIONS,
]);
