/** The Kafka export (kafkajs), with a compose file for a one-node KRaft broker. */
import template from './project/kafka.cjs?raw';
import type { RunFacts } from './runFacts';
import { baseRunFile, commonNotes, type RunFileRecord } from './runFile';
import type { TargetProject } from './project';
import { code } from './project';
import { KAFKA_IMAGE } from './versions';

export function kafkaProject(facts: RunFacts): TargetProject {
  const base = baseRunFile(facts, 'kafka');
  const { records, stale } = growth(facts, base.records);
  const grown = records.filter((r) => r.grow !== null).length;
  return {
    client: 'kafkajs',
    runJs: template,
    run: {
      ...base,
      topics: facts.topics.map((t) => ({ name: t.name, partitions: t.created, finalPartitions: t.partitions })),
      records,
      notes: [
        'Compared: the partition of every keyed or explicitly partitioned record (kafkajs’s DefaultPartitioner hashes the key with murmur2 as Java’s client and the simulator do), which records each group received, and their order per key.',
        'Keyless records: placement is random in both and only shown. The simulator models Java’s sticky partitioner (a batch of records to one partition, then another: KIP-480, KIP-794); kafkajs sends them round-robin from a random partition.',
        'Members: Kafka gives every member a random id and kafkajs assigns with its own assignor (round-robin by default), so which member reads a partition may differ from the simulator: shown, not compared.',
        ...(grown > 0
          ? [
              'Partitions were added during the scenario. Here each topic starts with the partitions it was created with, and partitions are added just before the first record the simulated producer placed with the larger count; this producer refreshes its metadata before every send, so it uses the new count at once (the simulated one, like Kafka’s clients, learnt it on its next metadata refresh: metadata.max.age.ms).',
            ]
          : []),
        ...(stale > 0
          ? [
              `${stale} keyed record(s) were hashed in the simulator over a partition count older than the one their topic had here at that point (a producer with stale metadata): their partition is shown, not compared.`,
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

/**
 * When each topic grows: before the first record the simulated producer placed with a larger partition count
 * (keyed: the count it hashed over; explicit: its partition + 1). A keyed or explicit record is compared when
 * the real topic has, at its send, the count the simulated producer used; keyless records never are.
 */
function growth(facts: RunFacts, records: readonly RunFileRecord[]) {
  const count = new Map(facts.topics.map((t) => [t.name, t.created]));
  let stale = 0;
  const out = records.map((r) => {
    const { placement, partitionCount, partition } = r.simulator;
    const need = placement === 'key' ? partitionCount! : placement === 'explicit' ? partition + 1 : 0;
    const grow = need > count.get(r.topic)! ? need : null;
    if (grow !== null) count.set(r.topic, grow);
    const comparable = placement === 'explicit' || (placement === 'key' && partitionCount === count.get(r.topic));
    if (placement === 'key' && !comparable) stale++;
    return { ...r, grow, simulator: { ...r.simulator, comparable } };
  });
  return { records: out, stale };
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
