/** The public entry point of the replication model. */
export * from './config';
export {
  createCluster,
  createReplicatedTopic,
  partitionOf,
  tpKey,
  ReplicationError,
  type Acks,
  type ClusterOptions,
  type ClusterState,
  type ConsumerPosition,
  type PartitionState,
  type Replica,
  type ReplicaRecord,
  type ReplicationStep,
  type TopicConfig,
  type TopicRequest,
} from './clusterState';
export type { ReplicationEffect, ReplicationEffectKind } from './effects';
export { produce, type ProduceRequest } from './produce';
export { followerFetch, type FollowerFetchRequest } from './followerFetch';
export { consumerFetch, type ConsumerFetchRequest } from './consumerFetch';
export { crashBroker, restartBroker, electUncleanLeader } from './brokers';
export { tick } from './tick';
export { logEndOffset, endOffsetFor } from './replicaLog';
