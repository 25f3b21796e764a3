/**
 * Segments: a partition log is cut into segments of `segmentRecords` offsets each, counted from the
 * log-start offset (our stand-in for segment.bytes). The segment holding the newest record is the
 * active one; it stays active when full and is rolled by the next append, not the moment it fills
 * (LogSegment.shouldRoll: roll when the incoming batch does not fit; UnifiedLogTest
 * 'shouldDeleteTimeBasedSegmentsReadyToBeDeleted': 15 records of 5 per segment are 3 segments, not 4).
 * When time retention deletes every segment, the log rolls a new empty one at the log end
 * (UnifiedLog.deleteSegments), so segments are counted from the log-start offset again.
 * segment.ms (a roll by age, 7 days by default) is not modelled.
 */
import { indexAtOrAfter } from './log';
import type { LogRecord, PartitionLog } from './brokerState';

export interface Segment {
  readonly baseOffset: number;
  /** One past the last offset the segment covers (for the active segment: the log-end offset). */
  readonly endOffset: number;
  readonly records: readonly LogRecord[];
  /** The segment the next record goes to (unless it is full: then the append rolls a new one). */
  readonly active: boolean;
}

/** First offset of the active segment: the segment holding offset logEnd − 1 (the log start when empty). */
export function activeSegmentBase(log: PartitionLog, segmentRecords: number): number {
  const start = log.logStartOffset;
  if (log.logEndOffset <= start) return start;
  return start + Math.floor((log.logEndOffset - 1 - start) / segmentRecords) * segmentRecords;
}

/** Every segment still in the log, oldest first, the active one last (absent when the log is empty). */
export function segmentsOf(log: PartitionLog, segmentRecords: number): Segment[] {
  const out: Segment[] = [];
  const active = activeSegmentBase(log, segmentRecords);
  if (log.logEndOffset <= log.logStartOffset) return out;
  for (let base = log.logStartOffset; base <= active; base += segmentRecords) {
    const isActive = base === active;
    const end = isActive ? log.logEndOffset : base + segmentRecords;
    const from = indexAtOrAfter(log.records, base);
    const to = indexAtOrAfter(log.records, end);
    out.push({ baseOffset: base, endOffset: end, records: log.records.slice(from, to), active: isActive });
  }
  return out;
}

/** The closed (rolled) segments still in the log, oldest first. */
export const closedSegments = (log: PartitionLog, segmentRecords: number): Segment[] =>
  segmentsOf(log, segmentRecords).filter((s) => !s.active);

/** "1 h", "90 s", "250 ms": a duration as a learner reads it. */
export function formatMs(ms: number): string {
  const units: [number, string][] = [
    [86_400_000, 'day'],
    [3_600_000, 'h'],
    [60_000, 'min'],
    [1000, 's'],
  ];
  for (const [size, unit] of units) {
    if (ms >= size && ms % size === 0) {
      const n = ms / size;
      return unit === 'day' ? `${n} day${n === 1 ? '' : 's'}` : `${n} ${unit}`;
    }
  }
  return `${ms} ms`;
}

/** An age as a learner reads it: "25.0 h", "12.5 min", "40 s", "250 ms". */
export function formatAge(ms: number): string {
  if (ms >= 3_600_000) return `${(ms / 3_600_000).toFixed(1)} h`;
  if (ms >= 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  if (ms >= 1000) return `${(ms / 1000).toFixed(1)} s`;
  return `${ms} ms`;
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
