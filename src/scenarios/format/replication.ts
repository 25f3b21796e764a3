/**
 * The scenario format's replicated topics (issue 16, failure lab): a cluster of brokers whose topics keep
 * copies of each partition, the step actions that write, copy, crash and elect through
 * `src/engine/replication`, and the expectations that check replica state. Part of `scenarios/schema.ts`;
 * `actions.ts` and `expectations.ts` add these to their unions.
 */
import { z } from '../zod';
import { Id, Text, NonNegInt } from './basics';

const topic = Id.meta({ title: 'Replicated topic', description: 'One of the topology’s replicated topics.' });
const partition = NonNegInt.meta({ title: 'Partition' });
const optionalPartition = NonNegInt.optional().meta({ title: 'Partition', description: '0 when omitted.' });
const broker = z
  .number()
  .int()
  .min(1)
  .max(9)
  .meta({ title: 'Broker', description: 'A broker id, 1 to the number of brokers.' });
const client = Id.meta({ title: 'Client id' });

export const ReplicatedTopicSpec = z.strictObject({
  name: Id.meta({ title: 'Name' }),
  partitions: z.number().int().min(1).max(8).optional().meta({ title: 'Partitions', description: '1 when omitted.' }),
  replicationFactor: z.number().int().min(1).max(9).meta({
    title: 'Replication factor',
    description: 'How many brokers keep a copy of each partition: one leader, the others followers.',
  }),
  minInsyncReplicas: z.number().int().min(1).max(9).optional().meta({
    title: 'min.insync.replicas',
    description:
      'An acks=all write is refused (NOT_ENOUGH_REPLICAS) while fewer replicas than this are in sync. Kafka’s default is 1.',
  }),
  uncleanLeaderElection: z.boolean().optional().meta({
    title: 'unclean.leader.election.enable',
    description:
      'Off by default: only an in-sync replica may become leader. On: an out-of-sync one may, losing the records it lacks.',
  }),
  description: Text.optional().meta({ title: 'Description' }),
});

export const ReplicationSpec = z.strictObject({
  brokers: z.number().int().min(1).max(9).optional().meta({
    title: 'Brokers',
    description: 'Brokers in the cluster, numbered from 1 (3 when omitted).',
  }),
  topics: z.array(ReplicatedTopicSpec).min(1).max(5).meta({ title: 'Replicated topics' }),
  eligibleLeaderReplicas: z.boolean().optional().meta({
    title: 'Eligible Leader Replicas (KIP-966)',
    description:
      'Off: elections as in Kafka 3.7–4.0. On: as in new Kafka 4.1+ clusters, a replica that left the ISR while it was below min.insync.replicas stays eligible to lead.',
  }),
});

export const REPLICATION_ACTIONS = [
  z
    .strictObject({
      kind: z.literal('produce'),
      producer: client.meta({ title: 'Producer', description: 'A producer’s client id.' }),
      topic,
      partition: optionalPartition,
      key: z.string().max(200).nullable().optional().meta({ title: 'Record key' }),
      value: z.string().max(200).meta({ title: 'Value', description: 'What the record says, shown in each replica.' }),
      acks: z.union([z.literal(0), z.literal(1), z.literal('all')]).meta({
        title: 'acks',
        description:
          '0: no answer; 1: the leader answers once the record is in its own log; all: once every in-sync replica has it.',
      }),
    })
    .meta({
      title: 'a producer sends to a replicated topic',
      description:
        'The producer sends one record to the partition’s leader (refreshing its metadata first if its leader moved) and waits for the answer acks asks for.',
    }),
  z.strictObject({ kind: z.literal('follower-fetch'), topic, partition: optionalPartition, broker }).meta({
    title: 'a follower fetches from its leader',
    description:
      'The follower asks the leader for records from its log end: that fetch offset tells the leader what the follower has, and it copies what is new.',
  }),
  z
    .strictObject({
      kind: z.literal('consumer-fetch'),
      consumer: client.meta({ title: 'Consumer', description: 'A consumer’s client id.' }),
      topic,
      partition: optionalPartition,
    })
    .meta({
      title: 'a consumer fetches from a replicated topic',
      description: 'The consumer reads from the leader, only records below the high watermark.',
    }),
  z.strictObject({ kind: z.literal('crash-broker'), broker }).meta({
    title: 'a broker crashes',
    description:
      'The broker stops (its disk is kept). The controller fences it, removes it from every ISR and elects new leaders for the partitions it led.',
  }),
  z.strictObject({ kind: z.literal('restart-broker'), broker }).meta({
    title: 'a broker restarts',
    description:
      'The broker comes back with its log as it was; as a follower it reconciles its log with the leader’s at its next fetch.',
  }),
  z
    .strictObject({
      kind: z.literal('elect-leader'),
      topic,
      partition: optionalPartition,
      election: z.literal('unclean').meta({
        title: 'Election type',
        description:
          'unclean: any live replica may lead, in sync or not (kafka-leader-election --election-type unclean).',
      }),
    })
    .meta({
      title: 'an admin forces a leader election',
      description:
        'For a partition without a leader: an out-of-sync replica becomes leader, and committed records it lacks are lost.',
    }),
] as const;

export const REPLICATION_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('partition-replicas'),
      topic,
      partition,
      leader: broker.nullable().meta({ title: 'Leader', description: 'null: the partition has no leader (offline).' }),
      isr: z.array(broker).optional().meta({ title: 'ISR', description: 'The in-sync replicas, in any order.' }),
      highWatermark: NonNegInt.optional().meta({
        title: 'High watermark',
        description: 'The leader’s (or, offline, the last ISR member’s): consumers read below it.',
      }),
    })
    .meta({
      title: 'a replicated partition’s leader, ISR and high watermark',
      description: 'Who leads, who is in sync and how far records are committed.',
    }),
  z
    .strictObject({
      kind: z.literal('replica-log'),
      topic,
      partition,
      broker,
      values: z.array(z.string().max(200)).meta({
        title: 'Values',
        description: 'The values of the records in that broker’s copy, from offset 0 (its log end is their count).',
      }),
    })
    .meta({
      title: 'one broker’s copy of a partition',
      description: 'The records that broker’s replica holds, whether it is up or down.',
    }),
] as const;
