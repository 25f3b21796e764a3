/**
 * A mutable working copy used inside one produce call: partition logs and producers are copied once on
 * first write, so a batch of a million records costs one copy per touched partition, and the input
 * state is never changed.
 */
import type { RngState } from '../sim/random';
import type { BrokerState, LogRecord, PartitionLog, ProducerState, TopicState } from './brokerState';

interface DraftPartition {
  records: LogRecord[];
  logStartOffset: number;
  logEndOffset: number;
}

export type DraftProducer = {
  -readonly [K in keyof ProducerState]: ProducerState[K];
} & { sequences: Record<string, number[]>; sticky: Record<string, { partition: number; fill: number }>; pending: ProducerState['pending'][number][] };

export class Draft {
  rng: RngState;
  private readonly parts = new Map<string, (DraftPartition | undefined)[]>();
  private readonly producers = new Map<string, DraftProducer>();
  private readonly copiedSeqs = new Set<string>();

  constructor(readonly base: BrokerState) {
    this.rng = base.rng;
  }

  topic(name: string): TopicState | undefined {
    return this.base.topics[name];
  }

  partition(topic: string, partition: number): DraftPartition {
    let parts = this.parts.get(topic);
    if (!parts) this.parts.set(topic, (parts = []));
    let p = parts[partition];
    if (!p) {
      const log = this.base.topics[topic]!.partitions[partition]!;
      p = { records: log.records.slice(), logStartOffset: log.logStartOffset, logEndOffset: log.logEndOffset };
      parts[partition] = p;
    }
    return p;
  }

  producer(id: string, create: () => ProducerState): DraftProducer {
    let p = this.producers.get(id);
    if (!p) {
      const base = this.base.producers[id] ?? create();
      p = { ...base, sequences: { ...base.sequences } as Record<string, number[]>, sticky: { ...base.sticky }, pending: [...base.pending] };
      this.producers.set(id, p);
    }
    return p;
  }

  /** The producer's sequence array for a topic, copied before its first change in this call. */
  sequences(p: DraftProducer, topic: string): number[] {
    const k = `${p.producerId}\u0000${topic}`;
    if (!this.copiedSeqs.has(k)) {
      this.copiedSeqs.add(k);
      p.sequences[topic] = [...(p.sequences[topic] ?? [])];
    }
    return p.sequences[topic]!;
  }

  /** The new state: touched partitions and producers replaced, everything else shared. */
  finish(now: number): BrokerState {
    const topics = { ...this.base.topics };
    for (const [name, parts] of this.parts) {
      const t = topics[name]!;
      const partitions: PartitionLog[] = t.partitions.slice();
      parts.forEach((p, i) => {
        if (p) partitions[i] = { records: p.records, logStartOffset: p.logStartOffset, logEndOffset: p.logEndOffset };
      });
      topics[name] = { ...t, partitions };
    }
    const producers = { ...this.base.producers };
    for (const [id, p] of this.producers) producers[id] = p;
    return { ...this.base, now: Math.max(this.base.now, now), rng: this.rng, topics, producers };
  }
}
