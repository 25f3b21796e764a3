/**
 * The bulk case of `produceBatch` in summary mode: a run of keyed requests to one topic from one
 * producer, with nothing in flight and no explicit partition, retry or simulated failure. Each gets
 * exactly what `send` gives it (partition by murmur2, the next offset, the producer's next sequence
 * number, the same record); only the lookups are made once per run instead of once per record.
 */
import { InvalidKeyError, partitionForKey } from './partitioner';
import { shown, type Draft } from './produceDraft';
import { DEFAULT_PRODUCER_ID, EMPTY_HEADERS } from './producerConfig';
import type { LogRecord } from './brokerState';
import type { ProduceRequest } from './produceRequest';

/** Appends requests `from`… while they fit the run; returns the index of the first one it left to `send`. */
export function keyedRun(
  d: Draft,
  requests: readonly ProduceRequest[],
  from: number,
  now: number,
  appended: (LogRecord | null)[],
): number {
  // Imported bindings are read once per run: under Vitest's module runner each read is a getter call.
  const defaultId = DEFAULT_PRODUCER_ID;
  const noHeaders = EMPTY_HEADERS;
  const partitionOf = partitionForKey;
  const first = requests[from]!;
  const topicName = first.topic;
  const topic = d.topic(topicName);
  const producerId = first.producerId ?? defaultId;
  if (!topic || first.key === null) return from;
  const p = d.producer(producerId);
  if (p.pending.length > 0) return from;
  const count = topic.partitions.length;
  const shownId = shown(p);
  let seqs: number[] | null = null;
  let last: LogRecord | null = null;
  let lastSequence = -1;
  let i = from;
  for (; i < requests.length; i++) {
    const req = requests[i]!;
    const key = req.key;
    if (
      key === null ||
      req.topic !== topicName ||
      (req.producerId ?? defaultId) !== producerId ||
      req.partition !== undefined ||
      req.retry ||
      req.failOnce
    )
      break;
    let partition: number;
    try {
      partition = partitionOf(key, count);
    } catch (e) {
      if (e instanceof InvalidKeyError) break; // `send` rejects it, with the reason
      throw e;
    }
    let sequence = -1;
    if (p.idempotent) {
      seqs ??= d.sequences(p, topicName);
      sequence = seqs[partition] ?? 0;
      seqs[partition] = sequence + 1;
    }
    const log = d.partition(topicName, partition);
    const offset = log.logEndOffset;
    const rec: LogRecord = {
      topic: topicName,
      partition,
      offset,
      key,
      value: req.value,
      headers: req.headers ?? noHeaders,
      timestamp: now,
      eventId: req.eventId ?? null,
      producerId: shownId,
    };
    log.records.push(rec);
    log.logEndOffset = offset + 1;
    log.byKey++;
    appended[i] = rec;
    last = rec;
    lastSequence = sequence;
  }
  if (last) d.noteLastSend(p, last, null, lastSequence);
  return i;
}
