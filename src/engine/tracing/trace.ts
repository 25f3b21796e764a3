/**
 * One trace as a waterfall, built only from recorded spans (their ids from the records' traceparent headers,
 * their times from the run's clock): rows in tree order, each with its depth, and for a process span the time
 * its record waited in the topic before it (what a waterfall shows as the gap between send and process).
 * There is no broker span: Kafka's broker neither creates spans nor changes a record's headers.
 */
import type { Span } from './spans';

export interface TraceRow {
  readonly span: Span;
  /** 0 for a root. */
  readonly depth: number;
  /** ms after the trace's first span started. */
  readonly offsetMs: number;
  /** A process span: ms its record waited in the topic (start − the record's timestamp); null for a send. */
  readonly waitedMs: number | null;
}

export interface TraceView {
  readonly traceId: string;
  readonly rows: readonly TraceRow[];
  readonly start: number;
  readonly end: number;
  /** Spans whose parent is not in the trace (their parent's span was not recorded, or was dropped). */
  readonly orphans: readonly Span[];
}

/** The trace ids in the order their first span was recorded. */
export function traceIds(spans: readonly Span[]): string[] {
  const seen = new Set<string>();
  for (const s of spans) seen.add(s.traceId);
  return [...seen];
}

/** The trace a record was sent in: the trace of the PRODUCER span recorded for it (null: none). */
export function traceOfRecord(spans: readonly Span[], topic: string, partition: number, offset: number) {
  const s = spans.find(
    (x) => x.kind === 'producer' && x.topic === topic && x.partition === partition && x.offset === offset,
  );
  return s ?? null;
}

const byTime = (a: Span, b: Span) => a.start - b.start;

/**
 * The spans of `traceId` in tree order (depth first, children by start time, then as recorded). A span whose
 * parent is missing is listed as an orphan and shown as a root, so nothing recorded is hidden.
 */
export function buildTrace(spans: readonly Span[], traceId: string): TraceView {
  const mine = spans.filter((s) => s.traceId === traceId);
  const ids = new Set(mine.map((s) => s.spanId));
  const children = new Map<string | null, Span[]>();
  const orphans: Span[] = [];
  for (const s of mine) {
    const parent = s.parentId !== null && ids.has(s.parentId) ? s.parentId : null;
    if (s.parentId !== null && parent === null) orphans.push(s);
    const list = children.get(parent) ?? [];
    list.push(s);
    children.set(parent, list);
  }
  const start = mine.length ? Math.min(...mine.map((s) => s.start)) : 0;
  const end = mine.length ? Math.max(...mine.map((s) => s.end)) : 0;
  const rows: TraceRow[] = [];
  const visited = new Set<string>();
  const visit = (s: Span, depth: number) => {
    if (visited.has(s.spanId)) return; // a repeated id: list it once (the property test proves runs never make one)
    visited.add(s.spanId);
    rows.push({
      span: s,
      depth,
      offsetMs: s.start - start,
      waitedMs: s.kind === 'consumer' ? s.start - s.recordTimestamp : null,
    });
    for (const c of [...(children.get(s.spanId) ?? [])].sort(byTime)) visit(c, depth + 1);
  };
  for (const root of [...(children.get(null) ?? [])].sort(byTime)) visit(root, 0);
  return { traceId, rows, start, end, orphans };
}

/**
 * What makes a set of spans not a forest of trees: a repeated span id, a parent in another trace, a parent
 * missing, or a cycle. Empty for a well-formed run.
 */
export function traceProblems(spans: readonly Span[]): string[] {
  const problems: string[] = [];
  const byId = new Map<string, Span>();
  for (const s of spans) {
    if (byId.has(s.spanId)) problems.push(`span id ${s.spanId} is used twice`);
    byId.set(s.spanId, s);
  }
  for (const s of spans) {
    if (s.parentId === null) continue;
    const p = byId.get(s.parentId);
    if (!p) problems.push(`span ${s.spanId}'s parent ${s.parentId} is missing`);
    else if (p.traceId !== s.traceId) problems.push(`span ${s.spanId}'s parent is in another trace`);
    const seen = new Set<string>([s.spanId]);
    for (let q = p; q && q.parentId !== null; q = byId.get(q.parentId)) {
      if (seen.has(q.spanId)) {
        problems.push(`span ${s.spanId} is in a cycle`);
        break;
      }
      seen.add(q.spanId);
    }
  }
  return problems;
}
