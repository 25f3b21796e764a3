/** Test support: stream records built from (key, event time, partition), in arrival order. */
import type { StreamRecord } from './record';

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
export const sec = (s: number) => T0 + s * 1000;

let offsets: Record<string, number> = {};
export const resetOffsets = () => {
  offsets = {};
};

export function rec(
  key: string | null,
  eventSec: number,
  opts: { partition?: number; topic?: string; value?: unknown; processedSec?: number } = {},
): StreamRecord {
  const topic = opts.topic ?? 'ride-requests';
  const partition = opts.partition ?? 0;
  const at = `${topic}/${partition}`;
  const offset = offsets[at] ?? 0;
  offsets[at] = offset + 1;
  return {
    topic,
    partition,
    offset,
    key,
    value: opts.value === undefined ? { zone: key } : opts.value,
    eventTime: sec(eventSec),
    processedAt: sec(opts.processedSec ?? eventSec),
  };
}
