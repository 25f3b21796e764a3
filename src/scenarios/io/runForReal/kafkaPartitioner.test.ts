// The Kafka export sends each record with its key (and its partition only where the scenario gave one) through
// kafkajs's DefaultPartitioner. Here that partitioner, from the same kafkajs the export pins, places every
// keyed or explicitly partitioned record of every built-in scenario where the simulator put it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../../content';
import { exportProject, runFacts, type RunFile } from '.';

type KafkaRun = Omit<RunFile, 'topics' | 'records'> & {
  topics: { name: string; partitions: number; finalPartitions: number }[];
  records: (RunFile['records'][number] & { grow: number | null })[];
};

type Partitioner = (args: {
  topic: string;
  partitionMetadata: { partitionId: number; leader: number }[];
  message: { key?: string | null; partition?: number | null };
}) => number;
const kafkajs = createRequire(import.meta.url)('kafkajs') as {
  Partitioners: { DefaultPartitioner: () => Partitioner };
};

describe("kafkajs's DefaultPartitioner against the simulator", () => {
  const runs = allBuiltins().map((s) => JSON.parse(exportProject(runFacts(s), 'kafka').files['run.json']!) as KafkaRun);

  it.each(runs.map((r) => [r.scenario.id, r] as const))(
    '%s: same partition for every keyed or explicit record, with the partitions its topic has at that send',
    (_, run) => {
      const partition = kafkajs.Partitioners.DefaultPartitioner();
      const count = new Map(run.topics.map((t) => [t.name, t.partitions]));
      for (const r of run.records) {
        if (r.grow !== null) count.set(r.topic, r.grow);
        if (!r.simulator.comparable) continue;
        const partitionMetadata = Array.from({ length: count.get(r.topic)! }, (_, i) => ({
          partitionId: i,
          leader: 0,
        }));
        const message = { key: r.key, partition: r.partition };
        expect({ n: r.n, partition: partition({ topic: r.topic, partitionMetadata, message }) }).toEqual({
          n: r.n,
          partition: r.simulator.partition,
        });
      }
    },
  );

  it('compares every keyed and explicit record of the built-ins, and no keyless one', () => {
    const all = runs.flatMap((r) => r.records);
    const keyed = all.filter((r) => r.simulator.placement !== 'sticky');
    expect(keyed.every((r) => r.simulator.comparable)).toBe(true);
    expect(keyed.length).toBeGreaterThan(100);
    expect(keyed.some((r) => r.simulator.placement === 'explicit')).toBe(true);
    expect(all.filter((r) => r.simulator.placement === 'sticky').every((r) => !r.simulator.comparable)).toBe(true);
  });

  it('Partitions, keys and ordering: the topic grows before the first record hashed over the larger count', () => {
    const run = runs.find((r) => r.scenario.id === 'partitions-keys-ordering')!;
    const grown = run.records.filter((r) => r.grow !== null);
    expect(grown.map((r) => [r.topic, r.grow])).toHaveLength(1);
    const topic = run.topics.find((t) => t.name === grown[0]!.topic)!;
    expect(topic.partitions).toBeLessThan(grown[0]!.grow!);
    expect(topic.finalPartitions).toBe(grown[0]!.grow);
    expect(run.notes.join(' ')).toContain('Partitions were added during the scenario');
  });
});
