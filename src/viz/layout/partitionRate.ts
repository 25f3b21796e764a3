/**
 * How many records each partition of a topic took in the last minute of simulated time: the number
 * a hot key shows up in (one partition taking most of the writes). Counted from the records'
 * timestamps (CreateTime), so it is the write rate the run really had, not an estimate.
 */
import type { TopicState } from '../../engine/broker/brokerState';

export const RATE_WINDOW_MS = 60_000;

/** Records appended to each partition with a timestamp in (now − window, now]; control records left out. */
export function recentAppends(topic: TopicState, now: number, windowMs = RATE_WINDOW_MS): number[] {
  return topic.partitions.map((log) => {
    const records = log.records;
    let n = 0;
    // Offsets ascend and a producer's timestamps do not go back here, so count from the end.
    for (let i = records.length - 1; i >= 0; i--) {
      const r = records[i]!;
      if (r.timestamp <= now - windowMs) break;
      if (r.timestamp <= now && !r.control) n++;
    }
    return n;
  });
}

/** "last minute: P0 2 · P1 9 (75%) · P2 1": the busiest partition's share named when it takes over half. */
export function rateLine(counts: readonly number[]): string | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0 || counts.length < 2) return null;
  const max = Math.max(...counts);
  const hot = max * 2 > total ? counts.indexOf(max) : -1;
  const parts = counts.map((n, p) => `P${p} ${n}${p === hot ? ` (${Math.round((100 * n) / total)}%)` : ''}`);
  return `written in the last minute: ${parts.join(' · ')}`;
}
