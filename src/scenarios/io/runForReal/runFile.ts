/**
 * run.json, the data file of an exported project: the topology, every record the simulator appended (with
 * its key, value and where the simulator put it) and what each group received there. run.js and compare.js
 * are the same for every scenario; everything that comes from the scenario travels in this file as JSON,
 * never inside code, so no topic name, key or value can change what the program does.
 */
import type { RunFacts, SimDelivery } from './runFacts';

export type Target = 'kafka' | 'rabbitmq' | 'nats';

export const TARGET_NAMES: Readonly<Record<Target, string>> = {
  kafka: 'Kafka',
  rabbitmq: 'RabbitMQ',
  nats: 'NATS JetStream',
};

export interface RunFileRecord {
  readonly n: number;
  readonly topic: string;
  readonly key: string | null;
  readonly value: unknown;
  /** The partition to send to, only where the scenario chose it explicitly (Kafka). */
  readonly partition: number | null;
  readonly simulator: {
    readonly partition: number;
    readonly offset: number;
    readonly placement: 'key' | 'explicit' | 'sticky';
    /** For a keyed record: the partition count the simulated producer hashed with. */
    readonly partitionCount: number | null;
    /** Whether the real partition is compared with this one (Kafka only: see kafka.ts). */
    readonly comparable: boolean;
  };
}

export interface RunFile {
  readonly format: 1;
  readonly target: Target;
  readonly targetName: string;
  readonly scenario: { readonly id: string; readonly title: string; readonly steps: number };
  readonly notes: readonly string[];
  readonly topics: readonly { readonly name: string; readonly partitions: number }[];
  readonly groups: readonly {
    readonly id: string;
    readonly topics: readonly string[];
    readonly members: readonly string[];
    readonly simulator: readonly SimDelivery[];
  }[];
  readonly records: readonly RunFileRecord[];
}

/** The part of run.json every target shares; each target adds its own names and notes. */
export function baseRunFile(facts: RunFacts, target: Target): RunFile {
  const partitions = new Map(facts.topics.map((t) => [t.name, t.partitions]));
  return {
    format: 1,
    target,
    targetName: TARGET_NAMES[target],
    scenario: { id: facts.scenarioId, title: facts.title, steps: facts.steps },
    notes: [],
    topics: facts.topics.map((t) => ({ name: t.name, partitions: t.partitions })),
    groups: facts.groups.map((g) => ({
      id: g.id,
      topics: g.topics.filter((t) => partitions.has(t)),
      members: g.members,
      simulator: g.received,
    })),
    records: facts.records.map((r) => ({
      n: r.n,
      topic: r.topic,
      key: r.key,
      value: r.value,
      partition: r.placement === 'explicit' ? r.partition : null,
      simulator: {
        partition: r.partition,
        offset: r.offset,
        placement: r.placement,
        partitionCount: r.partitionCount,
        comparable: false,
      },
    })),
  };
}

/** Notes every target shares: what is not replayed. */
export function commonNotes(facts: RunFacts): string[] {
  const notes = [
    'Each record is sent once and received once per group: the scenario’s consumer failures, crashes, retries and rebalances are not replayed.',
  ];
  if (facts.transactional > 0)
    notes.push(
      `${facts.transactional} record(s) were written inside transactions in the simulator; here they are sent as plain records, so a read_committed group also receives those of aborted transactions.`,
    );
  if (facts.queues.length > 0)
    notes.push(
      `The scenario’s classic queue(s) ${facts.queues.join(', ')} (the simulator’s contrast with the log) are not part of this export: only topics and consumer groups are.`,
    );
  return notes;
}
