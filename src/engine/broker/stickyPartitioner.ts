/**
 * Kafka ≥ 3.3's sticky partitioner for keyless records (KIP-794): stay on one partition until the batch
 * is full (here: a number of records), then pick the next partition uniformly at random with the seeded
 * generator — possibly the same one again. Not round-robin.
 */
import type { PartitionChoice } from '../types';
import { nextInt, type RngState } from '../sim/random';

export interface StickyBatch {
  readonly partition: number;
  readonly fill: number;
}

export interface StickyResult {
  choice: PartitionChoice & { kind: 'sticky' };
  batch: StickyBatch;
  rng: RngState;
}

export function stickyPartition(
  current: StickyBatch | undefined,
  partitionCount: number,
  batchSize: number,
  rng: RngState,
): StickyResult {
  if (current && current.fill < batchSize && current.partition < partitionCount) {
    const batch = { partition: current.partition, fill: current.fill + 1 };
    return {
      choice: { kind: 'sticky', partition: batch.partition, batchSize, batchFill: batch.fill, newBatch: false },
      batch,
      rng,
    };
  }
  const [partition, next] = nextInt(rng, partitionCount);
  return {
    choice: { kind: 'sticky', partition, batchSize, batchFill: 1, newBatch: true },
    batch: { partition, fill: 1 },
    rng: next,
  };
}

export function explainSticky(c: PartitionChoice & { kind: 'sticky' }, partitionCount: number): string {
  return c.newBatch
    ? `no key: the sticky partitioner opened a new batch on partition ${c.partition}, picked at random from ${partitionCount} (batches hold ${c.batchSize} records)`
    : `no key: the sticky partitioner stays on partition ${c.partition} until its batch is full (${c.batchFill}/${c.batchSize})`;
}
