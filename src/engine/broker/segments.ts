/**
 * Segments: a partition log is cut into segments of `segmentRecords` offsets each ([0, S), [S, 2S), …).
 * A segment closes when full; the one the next record goes to is the active segment, which retention
 * and compaction never touch.
 */
import { indexAtOrAfter } from './log';
import type { LogRecord, PartitionLog } from './brokerState';

export interface Segment {
  readonly baseOffset: number;
  /** One past the last offset the segment covers. */
  readonly endOffset: number;
  readonly records: readonly LogRecord[];
}

/** First offset of the active segment. */
export const activeSegmentBase = (log: PartitionLog, segmentRecords: number): number =>
  Math.floor(log.logEndOffset / segmentRecords) * segmentRecords;

/** The closed segments still in the log, oldest first. */
export function closedSegments(log: PartitionLog, segmentRecords: number): Segment[] {
  const out: Segment[] = [];
  const active = activeSegmentBase(log, segmentRecords);
  for (let base = Math.floor(log.logStartOffset / segmentRecords) * segmentRecords; base < active; base += segmentRecords) {
    const from = indexAtOrAfter(log.records, Math.max(base, log.logStartOffset));
    const to = indexAtOrAfter(log.records, base + segmentRecords);
    out.push({ baseOffset: base, endOffset: base + segmentRecords, records: log.records.slice(from, to) });
  }
  return out;
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Size the simulator charges a record: UTF-8 bytes of key, JSON value and headers (no batch overhead). */
export function recordBytes(r: LogRecord): number {
  let n = r.key === null ? 0 : utf8Length(r.key);
  if (r.value !== null && r.value !== undefined) n += utf8Length(JSON.stringify(r.value) ?? '');
  for (const [k, v] of Object.entries(r.headers)) n += utf8Length(k) + utf8Length(v);
  return n;
}

export const segmentBytes = (s: Segment): number => s.records.reduce((n, r) => n + recordBytes(r), 0);
