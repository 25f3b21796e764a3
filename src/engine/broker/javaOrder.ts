/**
 * Java's iteration orders, reproduced where Kafka's sticky assignor depends on them: String and
 * TopicPartition hash codes, and the order a java.util.HashMap/HashSet iterates its keys (bucket
 * index, then insertion order within a bucket, with the table growing at 0.75 load).
 */
import type { TopicPartition } from '../types';

/** Java's String.compareTo (UTF-16 code units), which is also JavaScript's default string order. */
export const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Java's hash iteration orders
// ---------------------------------------------------------------------------------------------

/** java.lang.String.hashCode: s[0]·31^(n−1) + … + s[n−1] over UTF-16 code units, in 32-bit ints. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** org.apache.kafka.common.TopicPartition.hashCode: 31·(31 + partition) + topic.hashCode(). */
export const topicPartitionHash = (tp: TopicPartition): number =>
  (Math.imul(31, 31 + tp.partition) + javaStringHash(tp.topic)) | 0;

/**
 * The iteration order of a java.util.HashMap / HashSet created with the default capacity (16, load
 * factor 0.75): buckets by (h ^ h >>> 16) & (capacity − 1) ascending, and within a bucket in insertion
 * order (a resize splits buckets keeping their relative order; a removal keeps the others' order).
 * HashMap.putVal: the table doubles when the size exceeds ¾ of it, and when a ninth entry lands in one
 * bucket of a table smaller than 64 (treeifyBin). Tree bins (≥ 9 colliding entries in a table of ≥ 64)
 * are not modelled.
 */
export class JavaHashOrder<K> {
  private capacity = 16;
  private seq = 0;
  private readonly entries = new Map<string, { key: K; hash: number; seq: number }>();

  constructor(
    private readonly id: (k: K) => string,
    private readonly hashCode: (k: K) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  private bucket(hash: number): number {
    return (hash ^ (hash >>> 16)) & (this.capacity - 1);
  }

  add(key: K): void {
    const id = this.id(key);
    if (this.entries.has(id)) return;
    const hash = this.hashCode(key);
    const b = this.bucket(hash);
    let inBucket = 0;
    for (const e of this.entries.values()) if (this.bucket(e.hash) === b) inBucket++;
    this.entries.set(id, { key, hash, seq: this.seq++ });
    if (inBucket >= 8 && this.capacity < 64) this.capacity *= 2; // treeifyBin resizes a small table
    if (this.entries.size > this.capacity * 0.75) this.capacity *= 2;
  }

  delete(key: K): void {
    this.entries.delete(this.id(key));
  }

  keys(): K[] {
    return [...this.entries.values()]
      .sort((a, b) => this.bucket(a.hash) - this.bucket(b.hash) || a.seq - b.seq)
      .map((e) => e.key);
  }
}

/** Member ids in the order a java.util.HashMap<String, …> filled in `ids` order iterates them. */
export function javaHashMapOrder(ids: readonly string[]): string[] {
  const order = new JavaHashOrder<string>((s) => s, javaStringHash);
  for (const id of ids) order.add(id);
  return order.keys();
}

// ---------------------------------------------------------------------------------------------
// The assignor
