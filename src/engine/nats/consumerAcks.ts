/**
 * A consumer's own ack bookkeeping (no stream changes): what an ack does to its pending list, ack
 * floors, redelivery counts and redelivery queue. A port of server/consumer.go processAckMsg.
 */
import type { NatsConsumer, PendingAck } from './natsState';

export interface AckOutcome {
  consumer: NatsConsumer;
  /** Stream sequences the stream should now check for removal (interest and work-queue retention). */
  settled: number[];
  /** Whether the ack changed anything. */
  changed: boolean;
}

const without = <T>(record: Readonly<Record<number, T>>, seqs: readonly number[]): Record<number, T> => {
  const next = { ...record };
  for (const s of seqs) delete next[s];
  return next;
};

/** processAckMsg(sseq, dseq): `dseq` is the consumer sequence the ack reply carried. */
export function applyAck(c: NatsConsumer, sseq: number, dseq: number): AckOutcome {
  if (c.config.ackPolicy === 'none') return { consumer: c, settled: [], changed: false };
  if (c.config.ackPolicy === 'all') {
    // Acks everything up to sseq: ignored at or below the floors.
    if (dseq <= c.ackFloorConsumer || sseq <= c.ackFloorStream) return { consumer: c, settled: [], changed: false };
    const settled: number[] = [];
    for (let s = sseq; s > c.ackFloorStream; s--) settled.push(s);
    settled.reverse();
    return {
      consumer: {
        ...c,
        ackFloorConsumer: dseq,
        ackFloorStream: sseq,
        pending: without(c.pending, settled),
        redelivered: without(c.redelivered, settled),
        redeliverQueue: c.redeliverQueue.filter((s) => s > sseq),
      },
      settled,
      changed: true,
    };
  }
  const p: PendingAck | undefined = c.pending[sseq];
  const pending = p ? without(c.pending, [sseq]) : c.pending;
  const ackedDseq = p ? p.dseq : dseq;
  let { ackFloorConsumer, ackFloorStream } = c;
  const left = Object.keys(pending).map(Number);
  if (left.length === 0) {
    ackFloorConsumer = c.dseq - 1;
    ackFloorStream = c.sseq - 1;
  } else if (ackedDseq === ackFloorConsumer + 1) {
    ackFloorConsumer = ackedDseq;
    ackFloorStream = sseq;
    for (let ss = sseq + 1; ss < c.sseq; ss++) {
      const q = pending[ss];
      if (q) {
        if (q.dseq > 0) {
          ackFloorConsumer = q.dseq - 1;
          ackFloorStream = ss - 1;
        }
        break;
      }
    }
  }
  return {
    consumer: {
      ...c,
      pending,
      ackFloorConsumer,
      ackFloorStream,
      redelivered: without(c.redelivered, [sseq]),
      redeliverQueue: c.redeliverQueue.filter((s) => s !== sseq),
    },
    settled: p ? [sseq] : [],
    changed: p !== undefined,
  };
}

/** server/consumer.go needAck: does this consumer still need `seq` (interest retention keeps it until none does)? */
export function needsAck(c: NatsConsumer, seq: number, subjectMatchesFilter: boolean): boolean {
  if (!subjectMatchesFilter) return false;
  if (seq <= c.ackFloorStream) return false;
  if (c.config.ackPolicy !== 'explicit') return true;
  return seq >= c.sseq || c.pending[seq] !== undefined;
}
