/**
 * The scenario format's poll loop (issue 18, backpressure): a consumer started with its settings
 * (max.poll.records, max.poll.interval.ms, session.timeout.ms, group.instance.id), a batch polled and
 * processed at a time per record, pause/resume of partitions, a clean stop, and a burst of records from a
 * producer; the `consumer-client` and `paused-partitions` expectations. Steps run through
 * `src/engine/broker/pollLoop.ts` and `pause.ts`. `actions.ts` and `expectations.ts` spread these into their unions.
 */
import { z } from '../zod';
import { DataObject, EventTypeName, Id, NonNegInt } from './basics';

const group = Id.meta({ title: 'Consumer group' });
const member = Id.meta({ title: 'Member', description: 'The consumer’s id in that group.' });
const topic = Id.meta({ title: 'Topic' });
const partitions = z
  .array(NonNegInt)
  .min(1)
  .max(64)
  .meta({ title: 'Partitions', description: 'Partition numbers of the topic, each assigned to the member.' });
const ms = (title: string, description: string) =>
  z.number().int().min(1).max(3_600_000).optional().meta({ title, description });

export const POLL_LOOP_ACTIONS = [
  z
    .strictObject({
      kind: z.literal('start-consumer'),
      group,
      member,
      groupInstanceId: Id.optional().meta({
        title: 'group.instance.id',
        description:
          'Makes it a static member (KIP-345): it sends no LeaveGroup when it stops or misses its poll deadline, and back within session.timeout.ms it gets its partitions again without a rebalance.',
      }),
      maxPollRecords: z.number().int().min(1).max(1000).optional().meta({
        title: 'max.poll.records',
        description: 'At most this many records per poll (Kafka’s default: 500).',
      }),
      maxPollIntervalMs: ms(
        'max.poll.interval.ms',
        'The next poll() must come within this time, or the consumer is taken out of the group (Kafka’s default: 300000, 5 minutes).',
      ),
      sessionTimeoutMs: ms(
        'session.timeout.ms',
        'Without a heartbeat for this long the coordinator evicts the member (Kafka’s default since 3.0: 45000).',
      ),
    })
    .meta({
      title: 'a consumer starts with its settings',
      description:
        'The consumer joins its group (a rebalance) with these settings; a static member returning while the coordinator still holds its place gets its partitions back without one.',
    }),
  z
    .strictObject({
      kind: z.literal('poll-batch'),
      group,
      member,
      perRecordMs: z.number().int().min(1).max(600_000).meta({
        title: 'Processing per record (ms)',
        description: 'How long the application takes for each record; the clock moves on by the whole batch.',
      }),
      maxRecords: z.number().int().min(1).max(1000).optional().meta({
        title: 'Max records',
        description: 'At most this many records in this poll; the consumer’s max.poll.records when omitted.',
      }),
      commit: z.boolean().optional().meta({
        title: 'Commit after processing',
        description: 'commitSync() once the batch is processed (at-least-once); on when omitted.',
      }),
    })
    .meta({
      title: 'a consumer polls and processes a batch',
      description:
        'poll(), then each record processed in turn, then a commit. A batch that takes longer than max.poll.interval.ms misses the poll deadline: the member is taken out of the group and its commit fails.',
    }),
  z.strictObject({ kind: z.literal('pause-partitions'), group, member, topic, partitions }).meta({
    title: 'a consumer pauses partitions',
    description:
      'KafkaConsumer.pause: its polls return nothing from them, but it keeps polling and heartbeating, so it keeps them and nobody rebalances.',
  }),
  z.strictObject({ kind: z.literal('resume-partitions'), group, member, topic, partitions }).meta({
    title: 'a consumer resumes partitions',
    description: 'KafkaConsumer.resume: fetching from them starts again where it stopped.',
  }),
  z.strictObject({ kind: z.literal('stop-consumer'), group, member }).meta({
    title: 'a consumer is stopped',
    description:
      'close(): a dynamic member sends LeaveGroup (a rebalance); a static member sends nothing and keeps its partitions until session.timeout.ms passes.',
  }),
  z
    .strictObject({
      kind: z.literal('publish-burst'),
      producer: Id.meta({ title: 'Producer' }),
      topic,
      eventType: EventTypeName.meta({ title: 'Event type' }),
      count: z.number().int().min(1).max(500).meta({ title: 'Records' }),
      keys: z
        .array(z.string().min(1).max(200))
        .min(1)
        .max(32)
        .meta({ title: 'Keys', description: 'Record keys, used in turn (each goes to its key’s partition).' }),
      data: DataObject.optional().meta({
        title: 'Data',
        description: 'Fields every record carries; each also gets `seq`, its number in the burst.',
      }),
    })
    .meta({
      title: 'a producer publishes a burst of records',
      description: 'The producer sends this many records at once, one per key in turn.',
    }),
] as const;

export const POLL_LOOP_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('consumer-client'),
      group,
      member,
      status: z.enum(['stable', 'unjoined', 'stopped']).optional().meta({
        title: 'Status',
        description:
          'stable: in the group; unjoined: its poll timeout expired and it has not polled since; stopped: closed.',
      }),
      timeouts: NonNegInt.optional().meta({ title: 'Poll timeouts so far' }),
      lastBatchRecords: NonNegInt.optional().meta({ title: 'Records in its last batch' }),
      lastBatchCommitted: z.boolean().optional().meta({ title: 'Its last batch was committed' }),
    })
    .meta({
      title: 'a consumer’s poll loop',
      description: 'The state of a consumer started with settings: in the group or not, its last batch.',
    }),
  z
    .strictObject({
      kind: z.literal('paused-partitions'),
      group,
      member,
      topic,
      partitions: z.array(NonNegInt).meta({ title: 'Partitions', description: 'In ascending order; [] when none.' }),
    })
    .meta({ title: 'a consumer’s paused partitions', description: 'The partitions of the topic it has paused now.' }),
] as const;
