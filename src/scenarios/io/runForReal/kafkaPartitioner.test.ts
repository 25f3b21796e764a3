// The Kafka export sends each record with its key (and its partition only where the scenario gave one) through
// kafkajs's DefaultPartitioner. Here that partitioner, from the same kafkajs the export pins, places every
// keyed or explicitly partitioned record of every built-in scenario where the simulator put it.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../../content';
import { exportProject, runFacts, type RunFile } from '.';

type Partitioner = (args: {
  topic: string;
  partitionMetadata: { partitionId: number; leader: number }[];
  message: { key?: string | null; partition?: number | null };
}) => number;
const kafkajs = createRequire(import.meta.url)('kafkajs') as {
  Partitioners: { DefaultPartitioner: () => Partitioner };
};

describe("kafkajs's DefaultPartitioner against the simulator", () => {
  const runs = allBuiltins().map((s) => JSON.parse(exportProject(runFacts(s), 'kafka').files['run.json']!) as RunFile);

  it.each(runs.map((r) => [r.scenario.id, r] as const))(
    '%s: same partition for every keyed or explicit record',
    (_, run) => {
      const partition = kafkajs.Partitioners.DefaultPartitioner();
      const count = new Map(run.topics.map((t) => [t.name, t.partitions]));
      for (const r of run.records.filter((x) => x.simulator.comparable)) {
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

  it('compares every keyed and explicit record of the built-ins but those hashed before partitions were added, and no keyless one', () => {
    const all = runs.flatMap((run) =>
      run.records.map((r) => ({ ...r, topicPartitions: run.topics.find((t) => t.name === r.topic)!.partitions })),
    );
    const compared = all.filter((r) => r.simulator.comparable);
    const keyed = all.filter((r) => r.simulator.placement !== 'sticky');
    const moved = keyed.filter(
      (r) => r.simulator.placement === 'key' && r.simulator.partitionCount !== r.topicPartitions,
    );
    expect(compared.length).toBe(keyed.length - moved.length);
    expect(compared.length).toBeGreaterThan(90);
    // Those left out were hashed the same way, over the count the simulated producer knew then.
    const partition = kafkajs.Partitioners.DefaultPartitioner();
    for (const r of moved) {
      const partitionMetadata = Array.from({ length: r.simulator.partitionCount! }, (_, i) => ({
        partitionId: i,
        leader: 0,
      }));
      expect(partition({ topic: r.topic, partitionMetadata, message: { key: r.key } })).toBe(r.simulator.partition);
    }
    expect(compared.some((r) => r.simulator.placement === 'explicit')).toBe(true);
    expect(all.filter((r) => r.simulator.placement === 'sticky').every((r) => !r.simulator.comparable)).toBe(true);
  });
});
