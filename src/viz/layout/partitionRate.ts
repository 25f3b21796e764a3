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

/**
 * Fewest writes in the window before a partition can be called hot: one record is 100% of one write, which says
 * nothing about its key's share of the traffic. Below this the view names no hot partition.
 */
export const HOT_MIN_WRITES = 8;

/**
 * The partition that took more than half of the last minute's writes (at least `HOT_MIN_WRITES` of them), with its
 * share in percent and the count it is measured over; null if none.
 */
export function hotPartition(
  counts: readonly number[],
): { partition: number; percent: number; writes: number; total: number } | null {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total < HOT_MIN_WRITES || counts.length < 2) return null;
  const max = Math.max(...counts);
  return max * 2 > total
    ? { partition: counts.indexOf(max), percent: Math.round((100 * max) / total), writes: max, total }
    : null;
}

/** The label's words, longest first: what share, of how many writes, over what window. */
export const hotWords = (hot: { partition: number; percent: number; total: number }): string[] => [
  `hot: P${hot.partition}, ${hot.percent}% of the last minute's ${hot.total} writes`,
  `hot: P${hot.partition}, ${hot.percent}% of ${hot.total} writes in 1 min`,
  `hot: P${hot.partition}`,
];
