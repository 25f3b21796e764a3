/** The Kafka export (kafkajs), with a compose file for a one-node KRaft broker. */
import template from './project/kafka.cjs?raw';
import type { RunFacts } from './runFacts';
import { baseRunFile, commonNotes } from './runFile';
import type { TargetProject } from './project';
import { code } from './project';
import { KAFKA_IMAGE } from './versions';

export function kafkaProject(facts: RunFacts): TargetProject {
  const base = baseRunFile(facts, 'kafka');
  const moved = base.records.filter((r) => r.simulator.placement === 'key' && !r.simulator.comparable).length;
  return {
    client: 'kafkajs',
    runJs: template,
    run: {
      ...base,
      notes: [
        'Compared: the partition of every keyed or explicitly partitioned record (kafkajs’s DefaultPartitioner hashes the key with murmur2 as Java’s client and the simulator do), which records each group received, and their order per key.',
        'Keyless records: placement is random in both and only shown. The simulator models Java’s sticky partitioner (a batch of records to one partition, then another: KIP-480, KIP-794); kafkajs sends them round-robin from a random partition.',
        'Members: Kafka gives every member a random id and kafkajs assigns with its own assignor (round-robin by default), so which member reads a partition may differ from the simulator: shown, not compared.',
        ...(moved > 0
          ? [
              `${moved} keyed record(s) were placed in the simulator before partitions were added to their topic (hashed over fewer partitions); here the topic has its final partition count from the start, so their partition is not compared.`,
            ]
          : []),
        ...commonNotes(facts),
      ],
    },
    envVar: 'KAFKA_BROKERS',
    defaultUrl: 'localhost:9092',
    serverSteps: [
      '`docker compose up -d` starts a one-node Kafka in KRaft mode (no ZooKeeper) on localhost:9092, from `compose.yaml`; `docker compose down` stops it.',
      `The image is pinned to \`${KAFKA_IMAGE}\`: kafkajs 2.2.4 (its last release, 2023) predates Kafka 4.0, which removed old protocol versions (KIP-896).`,
    ],
    mapping: [
      '| Event Lab | Kafka |',
      '|---|---|',
      ...base.topics.map(
        (t) => `| topic ${code(t.name)} | topic ${code(t.name)}, ${t.partitions} partition(s), replication factor 1 |`,
      ),
      ...base.groups.map(
        (g) => `| group ${code(g.id)} | consumer group ${code(g.id)}: ${g.members.length} kafkajs consumer(s) |`,
      ),
    ],
    extraFiles: { 'compose.yaml': composeFile() },
  };
}

/** A one-node KRaft broker (apache/kafka image: broker and controller in one process), reachable on localhost:9092. */
function composeFile(): string {
  return `services:
  kafka:
    image: ${KAFKA_IMAGE}
    ports:
      - "9092:9092"
    environment:
      KAFKA_NODE_ID: 1
      KAFKA_PROCESS_ROLES: broker,controller
      KAFKA_LISTENERS: PLAINTEXT://:9092,CONTROLLER://:9093
      KAFKA_ADVERTISED_LISTENERS: PLAINTEXT://localhost:9092
      KAFKA_CONTROLLER_LISTENER_NAMES: CONTROLLER
      KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
      KAFKA_CONTROLLER_QUORUM_VOTERS: 1@localhost:9093
      KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1
      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1
      KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0
`;
}
