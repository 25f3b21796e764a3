/**
 * The scenario format's two regions (issue 18): `topology.mirror` declares Kafka clusters by alias (each with its
 * topics) and MirrorMaker 2 flows between them; the step actions write, mirror, checkpoint, consume, take a region
 * down and fail a group over, and the expectations check a region's log, a flow's syncs and checkpoints and a
 * consuming service. Played through `src/engine/mirror`; `actions.ts`, `expectations.ts` and `scenario.ts` spread
 * these into their unions and the topology.
 */
import { z } from '../zod';
import { DataObject, Id, Json, NonNegInt } from './basics';

const region = Id.meta({ title: 'Region', description: 'A cluster alias of topology.mirror.regions, e.g. us.' });
// Not `topic` / `group`: those keys name the topology's own topics and groups (index/refs.ts); these live in a region.
const topicName = Id.meta({
  title: 'Topic',
  description: 'A topic of that region; a mirrored one is named <source alias>.<topic>, e.g. us.rides.',
});
const service = Id.meta({
  title: 'Consuming service',
  description: 'Its group id: the same service whichever region it runs in.',
});
const count = (title: string, description: string) =>
  z.number().int().min(1).max(1000).optional().meta({ title, description });

export const MirrorSpec = z.strictObject({
  regions: z
    .array(
      z.strictObject({
        alias: Id.meta({ title: 'Alias', description: 'The cluster’s alias in MM2’s configuration, e.g. us or eu.' }),
        topics: z
          .array(
            z.strictObject({
              name: Id.meta({ title: 'Name' }),
              partitions: z.number().int().min(1).max(4).optional().meta({ title: 'Partitions' }),
              expired: NonNegInt.max(1000).optional().meta({
                title: 'Records already expired',
                description: 'Written and deleted by retention before the run: the log starts at this offset.',
              }),
            }),
          )
          .max(4)
          .meta({ title: 'Topics' }),
      }),
    )
    .min(2)
    .max(3)
    .meta({ title: 'Regions (clusters)' }),
  flows: z
    .array(
      z.strictObject({
        source: region.meta({ title: 'Source region' }),
        target: region.meta({ title: 'Target region' }),
        topics: z.array(Id).min(1).max(6).meta({
          title: 'Topics replicated',
          description:
            'MM2’s topics filter: the source topics this flow copies (a topic from the target is never copied back).',
        }),
        policy: z.enum(['default', 'identity']).optional().meta({
          title: 'Replication policy',
          description:
            'default (absent): remote topics are named <source alias>.<topic> (DefaultReplicationPolicy); identity keeps the name (IdentityReplicationPolicy) and cannot detect a loop.',
        }),
        syncGroupOffsets: z.boolean().optional().meta({
          title: 'sync.group.offsets.enabled',
          description:
            'true: checkpoints are also written as the group’s committed offsets in the target (default false).',
        }),
      }),
    )
    .min(1)
    .max(4)
    .meta({ title: 'Replication flows (MirrorMaker 2)' }),
  offsetLagMax: z.number().int().min(1).max(1000).optional().meta({
    title: 'offset.lag.max',
    description:
      'How far a remote partition may get from its last offset sync before a new one is sent at once (default 100).',
  }),
});

export const MIRROR_ACTIONS = [
  z
    .strictObject({
      kind: z.literal('region-produce'),
      region,
      topicName,
      records: z
        .array(
          z.strictObject({
            key: z.string().min(1).max(200).meta({ title: 'Key' }),
            eventId: Id.meta({
              title: 'Event id',
              description: 'Carried with the record (MM2 copies it); a consumer uses it to spot a record seen before.',
            }),
            data: DataObject.meta({ title: 'Value' }),
          }),
        )
        .min(1)
        .max(10)
        .meta({ title: 'Records', description: 'Written in this order.' }),
    })
    .meta({
      title: 'an application writes in a region',
      description: 'Records appended to the topic in that cluster.',
    }),
  z
    .strictObject({
      kind: z.literal('mirror'),
      source: region.meta({ title: 'Source region' }),
      target: region.meta({ title: 'Target region' }),
      max: count('At most', 'How many records this run copies (absent: all there are).'),
      commit: z.boolean().optional().meta({
        title: 'Task offset commit',
        description: 'true: the task’s periodic offset commit follows, which sends the offset syncs kept back.',
      }),
    })
    .meta({
      title: 'MirrorMaker 2 copies records',
      description:
        'The source task copies what is new to the remote topics in the target (same partition, key and value; the target’s own offsets) and writes offset syncs by its rule.',
    }),
  z
    .strictObject({
      kind: z.literal('emit-checkpoints'),
      source: region.meta({ title: 'Source region' }),
      target: region.meta({ title: 'Target region' }),
    })
    .meta({
      title: 'MirrorMaker 2 writes checkpoints',
      description:
        'The checkpoint task translates each group’s committed offset through the offset syncs and writes it to <source>.checkpoints.internal in the target.',
    }),
  z
    .strictObject({
      kind: z.literal('region-consume'),
      region,
      service,
      topics: z.array(Id).min(1).max(4).meta({ title: 'Topics', description: 'Read in this order.' }),
      max: count('At most', 'Records in this poll (absent: all there are).'),
      idempotent: z.boolean().optional().meta({
        title: 'Idempotent',
        description: 'true: it keeps the event ids it processed and skips one it has.',
      }),
    })
    .meta({
      title: 'a service reads in a region',
      description: 'From its committed offsets there (none: the earliest), processes, then commits.',
    }),
  z.strictObject({ kind: z.literal('region-down'), region }).meta({
    title: 'a region goes down',
    description: 'Its cluster is unreachable: nothing is written, read or mirrored there.',
  }),
  z.strictObject({ kind: z.literal('region-up'), region }).meta({
    title: 'a region comes back',
    description: 'Its cluster is reachable again with what it had stored; mirroring resumes where it stopped.',
  }),
  z
    .strictObject({
      kind: z.literal('failover'),
      services: z.array(Id).min(1).max(4).meta({ title: 'Consuming services', description: 'Their group ids.' }),
      from: region.meta({ title: 'From region' }),
      to: region.meta({ title: 'To region' }),
    })
    .meta({
      title: 'a service fails over',
      description:
        'Its committed offsets on the remote topics in the other region become its latest checkpoints (RemoteClusterUtils.translateOffsets).',
    }),
] as const;

export const MIRROR_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('region-log'),
      region,
      topicName,
      partition: NonNegInt.optional().meta({ title: 'Partition', description: 'Absent: 0.' }),
      exists: z.boolean().optional().meta({ title: 'Exists', description: 'false: the region has no such topic.' }),
      logStart: NonNegInt.optional().meta({ title: 'Log start offset' }),
      logEnd: NonNegInt.optional().meta({ title: 'Log end offset', description: 'The offset the next record gets.' }),
    })
    .meta({ title: 'a topic in a region', description: 'Its log start and end offsets in that cluster.' }),
  z
    .strictObject({
      kind: z.literal('offset-sync'),
      source: region.meta({ title: 'Source region' }),
      target: region.meta({ title: 'Target region' }),
      topicName: Id.meta({ title: 'Source topic' }),
      count: NonNegInt.optional().meta({ title: 'Syncs written' }),
      upstream: NonNegInt.optional().meta({ title: 'Latest sync: upstream offset' }),
      downstream: NonNegInt.optional().meta({ title: 'Latest sync: downstream offset' }),
    })
    .meta({ title: 'offset syncs', description: 'How many syncs the flow wrote for partition 0, and the latest.' }),
  z
    .strictObject({
      kind: z.literal('mirror-checkpoint'),
      source: region.meta({ title: 'Source region' }),
      target: region.meta({ title: 'Target region' }),
      service,
      upstream: NonNegInt.optional().meta({ title: 'Upstream offset' }),
      downstream: NonNegInt.optional().meta({ title: 'Translated (downstream) offset' }),
      absent: z.boolean().optional().meta({ title: 'No checkpoint yet' }),
    })
    .meta({
      title: 'a checkpoint',
      description: 'The group’s latest checkpoint for partition 0 of the flow’s first topic.',
    }),
  z
    .strictObject({
      kind: z.literal('region-group'),
      service,
      region: Id.optional().meta({ title: 'Region', description: 'Where its committed offset is checked.' }),
      topicName: Id.optional().meta({ title: 'Topic', description: 'The topic its committed offset is for.' }),
      committed: NonNegInt.optional().meta({
        title: 'Committed offset',
        description: 'In that region, on partition 0 of that topic.',
      }),
      processed: NonNegInt.optional().meta({ title: 'Records processed', description: 'In every region.' }),
      duplicates: NonNegInt.optional().meta({ title: 'Records seen twice', description: 'In every region.' }),
      skipped: NonNegInt.optional().meta({ title: 'Duplicates skipped', description: 'By an idempotent service.' }),
      key: z.string().min(1).max(200).optional().meta({ title: 'Row key' }),
      field: z.string().min(1).max(80).optional().meta({ title: 'Field', description: 'Of the row’s value.' }),
      equals: Json.optional().meta({
        title: 'Row value',
        description: 'The value the service holds for the key (null: none).',
      }),
    })
    .meta({
      title: 'a consuming service',
      description: 'Its committed offset in a region, how many records it processed and saw twice, a row it holds.',
    }),
] as const;

export type MirrorDefinition = z.infer<typeof MirrorSpec>;
