/**
 * W3C Trace Context (https://www.w3.org/TR/trace-context/, §3.2 "traceparent Header"): the header a producer's
 * tracing instrumentation puts on each record, `version-traceid-parentid-flags`, e.g.
 * `00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01`. Kafka carries it as a record header (KIP-82 headers);
 * the broker stores it with the record and never reads or changes it.
 *
 * Ids come from the run's seeded generator (`sim/random.ts`), never from the platform's random source, so a
 * replay regenerates the same trace: a trace id is drawn (the generator moves on); a span id is derived from the
 * generator's state and the span's own key (one hash, the generator does not move), so the dead-letter path can
 * name the span of a failed attempt without threading the generator through the broker.
 */
import { nextRandom, type RngState } from '../sim/random';

export const TRACEPARENT = 'traceparent';

/** The part of a span that crosses a process boundary: what a traceparent header holds. */
export interface SpanContext {
  /** 16 bytes as 32 lowercase hex digits, not all zero. */
  readonly traceId: string;
  /** 8 bytes as 16 lowercase hex digits, not all zero: the span that sent the record (the "parent-id"). */
  readonly spanId: string;
  /** trace-flags bit 0 (sampled): 01 when the caller recorded its span. */
  readonly sampled: boolean;
}

const hex32 = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
const ZERO = /^0+$/;

/** `00-<trace-id>-<parent-id>-<flags>`: version 00, the only version the specification defines. */
export const formatTraceparent = (c: SpanContext): string => `00-${c.traceId}-${c.spanId}-${c.sampled ? '01' : '00'}`;

/**
 * Parses a traceparent as §3.2 and §4.3 say a receiver must: lowercase hex only; version ff is invalid; version 00
 * is exactly 55 characters; a later version may add fields after a '-'; an all-zero trace-id or parent-id is
 * invalid. Null when invalid (the receiver then starts a new trace, §3.2.2.2 / §4.3).
 */
export function parseTraceparent(value: string | undefined): SpanContext | null {
  if (value === undefined) return null;
  const m = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/.exec(value);
  if (!m) return null;
  const [, version, traceId, spanId, flags, rest] = m as unknown as [string, string, string, string, string, string?];
  if (version === 'ff') return null;
  if (version === '00' && rest !== undefined) return null;
  if (ZERO.test(traceId) || ZERO.test(spanId)) return null;
  return { traceId, spanId, sampled: (parseInt(flags, 16) & 1) === 1 };
}

/** A new trace id drawn from the seeded generator (four 32-bit draws), and the generator's next state. */
export function nextTraceId(rng: RngState): [traceId: string, next: RngState] {
  let state = rng;
  let id = '';
  for (let i = 0; i < 4; i++) {
    const [v, n] = nextRandom(state);
    state = n;
    id += hex32(Math.floor(v * 0x100000000));
  }
  // All zero is invalid (§3.2.2.3); one chance in 2^128, but a valid id is cheap to promise.
  return [ZERO.test(id) ? `${id.slice(0, 31)}1` : id, state];
}

/** FNV-1a over UTF-16 code units: a cheap, stable 32-bit hash of a span's key. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * A span id for the span named by `key` (unique within the run: who, what record, which attempt, which step),
 * derived from the generator's state `salt`: the same run gives the same id, another seed another one.
 */
export function spanIdFor(salt: RngState, key: string): string {
  const [a, s1] = nextRandom(fnv1a(key, salt));
  const [b] = nextRandom(fnv1a(key, s1 ^ 0x9e3779b9));
  const id = hex32(Math.floor(a * 0x100000000)) + hex32(Math.floor(b * 0x100000000));
  return ZERO.test(id) ? `${id.slice(0, 15)}1` : id;
}
