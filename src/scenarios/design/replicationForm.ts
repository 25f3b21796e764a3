/**
 * The form of the replicated topics (`topology.replication`, `format/replication.ts`): the cluster's broker
 * count, each replicated topic's replication factor, min.insync.replicas and unclean election, and KIP-966.
 * An optional group, like the relay: the section offers to add it, with one topic to start from.
 */
import { description } from './commonFields';
import { field, freshName, objects, str, topicNames } from './draftNames';
import { type FieldDef, type ItemDef } from './formTypes';

const replicatedNames = (doc: unknown) => objects(doc, ['topology', 'replication', 'topics']).map((t) => str(t.name));

const replicatedTopicItem: ItemDef = {
  noun: 'replicated topic',
  title: (t) =>
    `${str(field(t, 'name'), '(unnamed)')} · replication factor ${String(field(t, 'replicationFactor') ?? '?')}`,
  fields: [
    { key: 'name', kind: 'text' },
    { key: 'partitions', kind: 'int', optional: true, min: 1, max: 8 },
    { key: 'replicationFactor', kind: 'int', min: 1, max: 9 },
    { key: 'minInsyncReplicas', kind: 'int', optional: true, min: 1, max: 9 },
    { key: 'uncleanLeaderElection', kind: 'bool' },
    description,
  ],
  // A name no ordinary topic or replicated topic has, so the new one refers to nothing else by accident.
  make: (doc) => ({
    name: freshName([...topicNames(doc), ...replicatedNames(doc)], 'replicated'),
    replicationFactor: 3,
  }),
};

export const replicationGroup: FieldDef = {
  key: 'replication',
  kind: 'group',
  optional: true,
  make: (doc) => ({ brokers: 3, topics: [replicatedTopicItem.make(doc, [])] }),
  fields: [
    { key: 'brokers', kind: 'int', optional: true, min: 1, max: 9 },
    { key: 'topics', kind: 'list', item: replicatedTopicItem },
    { key: 'eligibleLeaderReplicas', kind: 'bool' },
  ],
};
