/**
 * Reading a partition that holds transactional records, as Kafka's fetcher does: transaction markers
 * (control records) are never handed to the application, only skipped; read_uncommitted (the default)
 * reads to the log end, open and aborted transactions included; read_committed reads only below the last
 * stable offset and drops the records of aborted transactions (the fetch response's aborted-transaction
 * list, Fetcher/CompletedFetch). The position moves past what was skipped.
 */
import { vecGet } from '../sim/persistent';
import { recordsVec, type BrokerState, type LogRecord } from './brokerState';
import { getPartition, indexAtOrAfterVec } from './log';
import { lastStableOffset, txnPartition } from './txnLog';

export interface TransactionalRead {
  records: LogRecord[];
  /** The next position. */
  next: number;
  /** Records remain below the read limit (the poll stopped at its budget). */
  more: boolean;
  /** What the fetch skipped and where it stopped, for the effect's reason ('' when nothing worth saying). */
  note: string;
}

const range = (xs: readonly number[]) =>
  xs.length === 1
    ? `${xs[0]}`
    : xs.length === 0
      ? ''
      : xs.every((x, i) => i === 0 || x === xs[i - 1]! + 1)
        ? `${xs[0]}–${xs.at(-1)}`
        : xs.join(', ');

export function readTransactional(
  state: BrokerState,
  topic: string,
  partition: number,
  position: number,
  budget: number,
  readCommitted: boolean,
): TransactionalRead {
  const log = getPartition(state, topic, partition);
  const vec = recordsVec(log);
  const limit = readCommitted ? lastStableOffset(state, topic, partition) : log.logEndOffset;
  const aborted = readCommitted ? txnPartition(state, topic, partition).aborted : [];
  const isAborted = (r: LogRecord) =>
    r.txn !== undefined &&
    aborted.some((a) => a.pid === r.txn!.pid && a.firstOffset <= r.offset && r.offset <= a.lastOffset);
  const records: LogRecord[] = [];
  const markers: number[] = [];
  const dropped: number[] = [];
  let next = position;
  let more = false;
  for (let i = indexAtOrAfterVec(vec, position); i < vec.size; i++) {
    const r = vecGet(vec, i)!;
    if (r.offset >= limit) break;
    if (r.control) markers.push(r.offset);
    else if (isAborted(r)) dropped.push(r.offset);
    else if (records.length < budget) records.push(r);
    else {
      more = true;
      break;
    }
    next = r.offset + 1;
  }
  const notes: string[] = [];
  if (dropped.length > 0) notes.push(`skipped aborted offsets ${range(dropped)} (read_committed)`);
  if (markers.length > 0) notes.push(`skipped transaction marker${markers.length > 1 ? 's' : ''} at ${range(markers)}`);
  if (readCommitted && limit < log.logEndOffset && !more)
    notes.push(`stopped at the last stable offset ${limit}: a transaction there is still open`);
  return { records, next, more, note: notes.join('; ') };
}
