/**
 * A trace as the rows of a waterfall, pure: each span's place on the trace's time axis (percent of its length),
 * the time its record waited in the topic drawn before a process span, and every fact as text — so the figure
 * and its table say the same thing. Spans here start and end at one step, so a bar is a mark of minimum width;
 * the waits between them are what the waterfall shows.
 */
import { buildTrace, formatTraceparent, traceIds, type Span } from '../../engine/tracing';

export interface WaterfallRow {
  readonly key: string;
  readonly depth: number;
  /** "checkout · send orders". */
  readonly label: string;
  readonly kind: 'PRODUCER' | 'CONSUMER';
  /** Percent of the axis where the span starts, and where its record's wait began (process spans). */
  readonly startPct: number;
  readonly waitFromPct: number | null;
  readonly startText: string;
  readonly waitText: string | null;
  readonly status: 'ok' | 'error';
  /** "attempt 2 · ERROR · failed, will retry". */
  readonly statusText: string;
  readonly record: string;
  /** The header a send wrote (null for a process span, which writes none). */
  readonly traceparent: string | null;
  readonly spanId: string;
  readonly parentId: string | null;
  readonly correlationId: string | null;
  readonly causationId: string | null;
}

export interface Waterfall {
  readonly traceId: string;
  readonly rows: readonly WaterfallRow[];
  /** The axis's length in ms (at least 1 s, so a one-span trace still has an axis). */
  readonly spanMs: number;
  readonly summary: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s`;

export function waterfallOf(spans: readonly Span[], traceId: string): Waterfall {
  const t = buildTrace(spans, traceId);
  // The axis starts at the earliest moment shown: a root process span's record may have waited before it.
  const from = Math.min(t.start, ...t.rows.map((r) => (r.waitedMs !== null ? r.span.start - r.waitedMs : t.start)));
  const spanMs = Math.max(1000, t.end - from);
  const pct = (ms: number) => ((ms - from) / spanMs) * 100;
  const rows = t.rows.map((r): WaterfallRow => {
    const s = r.span;
    const status = [
      s.kind === 'consumer' ? `attempt ${s.attempt}` : null,
      s.status === 'error' ? 'ERROR' : 'OK',
      s.outcome,
    ].filter(Boolean);
    return {
      key: s.spanId,
      depth: r.depth,
      label: `${s.service} · ${s.name}`,
      kind: s.kind === 'producer' ? 'PRODUCER' : 'CONSUMER',
      startPct: pct(s.start),
      waitFromPct: r.waitedMs !== null && r.waitedMs > 0 ? pct(s.start - r.waitedMs) : null,
      startText: `+${seconds(s.start - from)}`,
      waitText:
        r.waitedMs !== null ? `waited ${seconds(r.waitedMs)} in ${s.topic}-${s.partition} before processing` : null,
      status: s.status,
      statusText: status.join(' · '),
      record: `${s.topic}-${s.partition}@${s.offset}`,
      traceparent:
        s.kind === 'producer' ? formatTraceparent({ traceId: s.traceId, spanId: s.spanId, sampled: true }) : null,
      spanId: s.spanId,
      parentId: s.parentId,
      correlationId: s.correlationId,
      causationId: s.causationId,
    };
  });
  const errors = rows.filter((r) => r.status === 'error').length;
  const summary = `Trace ${traceId}: ${rows.length} span${rows.length === 1 ? '' : 's'} over ${seconds(spanMs)}${
    errors ? `, ${errors} with status ERROR` : ''
  }${t.orphans.length ? `, ${t.orphans.length} whose parent was not recorded` : ''}.`;
  return { traceId, rows, spanMs, summary };
}

/** The traces a learner can pick, newest activity last, each named by its first span and size. */
export function traceChoices(spans: readonly Span[]): { id: string; label: string }[] {
  return traceIds(spans).map((id) => {
    const mine = spans.filter((s) => s.traceId === id);
    const root = mine.find((s) => s.parentId === null) ?? mine[0]!;
    return {
      id,
      label: `${root.service} · ${root.name} ${root.topic}-${root.partition}@${root.offset} · ${mine.length} span${mine.length === 1 ? '' : 's'} · ${id.slice(0, 8)}…`,
    };
  });
}

/** The trace the story is at: the one the newest span belongs to. */
export const currentTrace = (spans: readonly Span[]): string | null => spans[spans.length - 1]?.traceId ?? null;
