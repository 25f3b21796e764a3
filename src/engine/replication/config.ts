/**
 * Kafka's defaults for replication, each next to where Kafka defines it (apache/kafka, 4.0 source tree
 * unless said otherwise). The model is pure: time is the `now` passed in, never a clock.
 */

/** Brokers in a cluster the scenarios show (a choice of this model; Kafka has no such default). */
export const DEFAULT_BROKERS = 3;

/**
 * `replica.lag.time.max.ms`: a follower that has not caught up to the leader's log end for this long
 * leaves the ISR. 30 s since Kafka 2.5 (KIP-537 raised it from 10 s; docs/upgrade.html, "Notable changes in
 * 2.5.0"); ReplicationConfigs.REPLICA_LAG_TIME_MAX_MS_DEFAULT = 30000L.
 */
export const REPLICA_LAG_TIME_MAX_MS = 30_000;

/**
 * `min.insync.replicas`: ServerLogConfigs.MIN_IN_SYNC_REPLICAS_DEFAULT = 1. The broker uses
 * min(min.insync.replicas, replication factor) (Partition.effectiveMinIsr, Kafka 3.7+).
 */
export const MIN_INSYNC_REPLICAS = 1;

/** `unclean.leader.election.enable`: LogConfig.DEFAULT_UNCLEAN_LEADER_ELECTION_ENABLE = false. */
export const UNCLEAN_LEADER_ELECTION_ENABLE = false;

/**
 * The producer's `request.timeout.ms` (ProducerConfig, default 30000): the produce request carries it and
 * the leader answers an acks=all request that waits longer with REQUEST_TIMED_OUT (DelayedProduce).
 */
export const REQUEST_TIMEOUT_MS = 30_000;

/**
 * `broker.session.timeout.ms` (KRaftConfigs.BROKER_SESSION_TIMEOUT_MS_DEFAULT = 9000): a broker that stops
 * heartbeating is fenced by the controller after this long. `crashBroker` stands for "crashed and fenced".
 */
export const BROKER_SESSION_TIMEOUT_MS = 9_000;

/**
 * Eligible Leader Replicas (KIP-966 part 1): available from Kafka 4.0 behind
 * `eligible.leader.replicas.version=1`, enabled by default on new clusters from 4.1
 * (docs: kafka.apache.org/41/operations/eligible-leader-replicas). Off here unless a cluster asks for it,
 * so the default model is Kafka 3.7–4.0 KRaft (and 4.1+ clusters upgraded without enabling it).
 */
export const ELIGIBLE_LEADER_REPLICAS = false;
