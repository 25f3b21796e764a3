/**
 * A mutable working copy used inside one produce call: partition logs and producers are copied once on
 * first write, so a batch of a million records costs one copy per touched partition, and the input
 * state is never changed.
 */
import type { PartitionChoice } from '../types';
import type { RngState } from '../sim/random';
import { vecAppendAll, type PVec } from '../sim/persistent';
import {
  partitionLog,
  recordsVec,
  type BrokerState,
  type LastSend,
  type LogRecord,
  type PartitionLog,
  type ProducerState,
  type TopicState,
} from './brokerState';

import { DEFAULT_PRODUCER_ID, newProducer, nextPid } from './producerConfig';

interface DraftPartition {
  /** The records appended by this call (the log's earlier records stay shared in `base`). */
  records: LogRecord[];
  readonly base: PVec<LogRecord>;
  logStartOffset: number;
  logEndOffset: number;
}

export type DraftProducer = {
  -readonly [K in keyof ProducerState]: ProducerState[K];
} & {
  sequences: Record<string, number[]>;
  sticky: Record<string, { partition: number; fill: number }>;
  pending: ProducerState['pending'][number][];
};

/** The producer id effects and records show: null for the implicit default producer. */
export const shown = (p: DraftProducer): string | null => (p.producerId === DEFAULT_PRODUCER_ID ? null : p.producerId);

export interface KeyedChoice {
  choice: PartitionChoice & { kind: 'key' };
  why: string;
}

export interface KeyCache {
  keys: string[];
  entries: (KeyedChoice | null)[];
}

interface LiveLast {
  rec: LogRecord;
  choice: PartitionChoice;
  sequence: number;
  pid: number;
  epoch: number;
}

export class Draft {
  rng: RngState;
  private readonly parts = new Map<string, (DraftPartition | undefined)[]>();
  private readonly producers = new Map<string, DraftProducer>();
  private readonly copiedSeqs = new Map<DraftProducer, Set<string>>();
  private readonly keyCaches = new Map<string, KeyCache>();
  /** Slots of the per-topic key cache (0 = no cache: small calls gain nothing from it). */
  readonly keySlots: number;
  private readonly lastSends = new Map<DraftProducer, LiveLast>();
  private lastProducer: DraftProducer | null = null;
  // One-entry caches for the common case of a long run of records to one topic from one producer.
  private lastTopic = '';
  private lastParts: (DraftPartition | undefined)[] = [];
  private lastKeyCache: KeyCache | null = null;
  private lastKeyCacheTopic = '';
  private lastSeqs: number[] | null = null;
  private lastSeqsOwner: DraftProducer | null = null;
  private lastSeqsTopic = '';
  private lastLive: LiveLast | null = null;
  private lastLiveOwner: DraftProducer | null = null;
  private pids: number | null = null;

  constructor(
    readonly base: BrokerState,
    batchSize = 1,
  ) {
    this.rng = base.rng;
    this.keySlots = batchSize < 1024 ? 0 : 1 << Math.min(20, Math.ceil(Math.log2(batchSize)));
  }

  topic(name: string): TopicState | undefined {
    return this.base.topics[name];
  }

  partition(topic: string, partition: number): DraftPartition {
    let parts: (DraftPartition | undefined)[] | undefined = this.lastParts;
    if (topic !== this.lastTopic) {
      parts = this.parts.get(topic);
      if (!parts) this.parts.set(topic, (parts = []));
      this.lastTopic = topic;
      this.lastParts = parts;
    }
    let p = parts[partition];
    if (!p) {
      const log = this.base.topics[topic]!.partitions[partition]!;
      const { logStartOffset, logEndOffset } = log;
      // The existing records are shared, not copied; this call's records are pushed into a fresh array.
      p = {
        records: [],
        base: recordsVec(log),
        logStartOffset,
        logEndOffset,
      };
      parts[partition] = p;
    }
    return p;
  }

  /** The producer's working copy, registered (idempotent) on first use. */
  producer(id: string): DraftProducer {
    if (this.lastProducer?.producerId === id) return this.lastProducer;
    let p = this.producers.get(id);
    if (!p) {
      const base = this.base.producers[id] ?? newProducer({ producerId: id }, this.allocatePid());
      p = {
        ...base,
        sequences: { ...base.sequences } as Record<string, number[]>,
        sticky: { ...base.sticky },
        pending: [...base.pending],
      };
      this.producers.set(id, p);
    }
    this.lastProducer = p;
    return p;
  }

  /** A fresh producer id for a producer first seen in this call (ids are never reused). */
  private allocatePid(): number {
    this.pids ??= nextPid(this.base);
    return this.pids++;
  }

  /**
   * The partition count `p` believes `topic` has, as Kafka's client `Metadata` does: learnt on the first
   * send to the topic, then trusted until metadata.max.age.ms has passed since the last refresh
   * (Metadata.timeToNextUpdate), when the producer refreshes every topic it knows. A topic grown since
   * keeps receiving keyed records at `hash mod old count` until then. `note` says so for the reason.
   */
  partitionCount(p: DraftProducer, topic: string, now: number): { count: number; note: string } {
    const actual = this.base.topics[topic]!.partitions.length;
    let md = p.metadata;
    let note = '';
    if (md.refreshedAt !== null && now - md.refreshedAt >= p.metadataMaxAgeMs) {
      const partitions: Record<string, number> = {};
      for (const t of Object.keys(md.partitions)) {
        const n = this.base.topics[t]?.partitions.length;
        if (n !== undefined) partitions[t] = n;
      }
      const was = md.partitions[topic];
      if (was !== undefined && was !== actual) {
        note = `${shown(p) ?? 'the producer'} refreshed its metadata (older than metadata.max.age.ms, ${ms(p.metadataMaxAgeMs)}) and now sees ${actual} partitions of '${topic}' instead of ${was}; `;
      }
      md = { refreshedAt: now, partitions };
    }
    const known = md.partitions[topic];
    if (known === undefined)
      md = { refreshedAt: md.refreshedAt ?? now, partitions: { ...md.partitions, [topic]: actual } };
    if (md !== p.metadata) p.metadata = md;
    const count = md.partitions[topic]!;
    if (count < actual) {
      note = `${shown(p) ?? 'the producer'}'s metadata (refreshed ${ms(now - md.refreshedAt!)} ago; it refreshes every metadata.max.age.ms = ${ms(p.metadataMaxAgeMs)}) still lists ${count} partitions of '${topic}', which now has ${actual}, so it uses ${count}: `;
    }
    return { count, note };
  }

  /** The producer's view now matches the topic (explicit partition not in its metadata: Kafka refreshes and waits). */
  refreshMetadata(p: DraftProducer, now: number): void {
    const partitions: Record<string, number> = {};
    for (const t of Object.keys(p.metadata.partitions)) {
      const n = this.base.topics[t]?.partitions.length;
      if (n !== undefined) partitions[t] = n;
    }
    p.metadata = { refreshedAt: now, partitions };
  }

  /** The producer's sequence array for a topic, copied before its first change in this call. */
  sequences(p: DraftProducer, topic: string): number[] {
    if (this.lastSeqsOwner === p && this.lastSeqsTopic === topic) return this.lastSeqs!;
    let copied = this.copiedSeqs.get(p);
    if (!copied) this.copiedSeqs.set(p, (copied = new Set()));
    if (!copied.has(topic)) {
      copied.add(topic);
      p.sequences[topic] = [...(p.sequences[topic] ?? [])];
    }
    this.lastSeqsOwner = p;
    this.lastSeqsTopic = topic;
    return (this.lastSeqs = p.sequences[topic]!);
  }

  /**
   * A direct-mapped cache of key choices per topic, indexed by the key's hash (computed anyway), so
   * records with the same key share one choice object and one reason string instead of allocating
   * them. Keys and entries sit in parallel arrays so a lookup touches as little memory as possible.
   */
  keyCache(topic: string): KeyCache | null {
    if (this.keySlots === 0) return null;
    if (topic === this.lastKeyCacheTopic) return this.lastKeyCache;
    let c = this.keyCaches.get(topic);
    if (!c) {
      // Filled by push, not `new Array(n)`: V8 makes a large preallocated array a slow dictionary.
      c = { keys: [], entries: [] };
      for (let i = 0; i < this.keySlots; i++) {
        c.keys.push('');
        c.entries.push(null);
      }
      this.keyCaches.set(topic, c);
    }
    this.lastKeyCacheTopic = topic;
    return (this.lastKeyCache = c);
  }

  /** Remembers the producer's latest send without allocating per record. */
  noteLastSend(p: DraftProducer, rec: LogRecord, choice: PartitionChoice, sequence: number): void {
    const e = this.lastLiveOwner === p ? this.lastLive : this.lastSends.get(p);
    if (e) {
      this.lastLiveOwner = p;
      this.lastLive = e;
      e.rec = rec;
      e.choice = choice;
      e.sequence = sequence;
      e.pid = p.pid;
      e.epoch = p.epoch;
    } else this.lastSends.set(p, { rec, choice, sequence, pid: p.pid, epoch: p.epoch });
  }

  lastSend(p: DraftProducer): LastSend | null {
    const e = this.lastSends.get(p);
    if (!e) return p.lastSend;
    const r = e.rec;
    return {
      topic: r.topic,
      partition: r.partition,
      sequence: e.sequence,
      key: r.key,
      value: r.value,
      headers: r.headers,
      eventId: r.eventId,
      choice: e.choice,
      pid: e.pid,
      epoch: e.epoch,
      offset: r.offset,
    };
  }

  restoreLastSend(p: DraftProducer, last: LastSend | null): void {
    this.lastSends.delete(p);
    if (this.lastLiveOwner === p) this.lastLiveOwner = this.lastLive = null;
    p.lastSend = last;
  }

  /** The new state: touched partitions and producers replaced, everything else shared. */
  finish(now: number): BrokerState {
    const topics = { ...this.base.topics };
    for (const [name, parts] of this.parts) {
      const t = topics[name]!;
      const partitions: PartitionLog[] = t.partitions.slice();
      parts.forEach((p, i) => {
        if (p) partitions[i] = partitionLog(vecAppendAll(p.base, p.records), p.logStartOffset, p.logEndOffset);
      });
      topics[name] = { ...t, partitions };
    }
    const producers = { ...this.base.producers };
    for (const [id, p] of this.producers) {
      if (this.lastSends.has(p)) p.lastSend = this.lastSend(p);
      producers[id] = p;
    }
    return { ...this.base, now: Math.max(this.base.now, now), rng: this.rng, topics, producers };
  }
}

/** "5 min", "30 s", "250 ms". */
export function ms(n: number): string {
  if (n >= 60_000 && n % 60_000 === 0) return `${n / 60_000} min`;
  if (n >= 1000 && n % 1000 === 0) return `${n / 1000} s`;
  return n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n} ms`;
}
