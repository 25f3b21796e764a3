/**
 * Partition assignors of Kafka's classic group protocol. Members are ordered by member id in UTF-16
 * code-unit order (JavaScript's default sort, as Java's `String.compareTo`: 'c10' before 'c2').
 */
import type { AssignorName } from '../types';
import {
  byMemberId,
  emptyAssignment,
  partitionsOf,
  sortAssignment,
  subscribedTopics,
  type Assignment,
  type AssignorInput,
  type Assignor,
} from './assignment';
import { cooperativeStickyAssignor } from './cooperativeSticky';

export type { Assignment, AssignorInput, AssignorMember, Assignor } from './assignment';

/**
 * Kafka's RangeAssignor: per topic, the subscribed members (sorted) get consecutive ranges; the first
 * `partitions % members` get one extra. Balanced per topic only: two topics of 3 partitions over two
 * members give 4 and 2.
 */
export function rangeAssignor(input: AssignorInput): Assignment {
  const out = emptyAssignment(input.members);
  const sorted = [...input.members].sort(byMemberId);
  for (const topic of subscribedTopics(sorted)) {
    const consumers = sorted.filter((m) => m.topics.includes(topic));
    const n = partitionsOf(input, topic);
    const per = Math.floor(n / consumers.length);
    const extra = n % consumers.length;
    consumers.forEach((m, i) => {
      const start = per * i + Math.min(i, extra);
      const length = per + (i < extra ? 1 : 0);
      for (let p = start; p < start + length; p++) out[m.memberId]!.push({ topic, partition: p });
    });
  }
  return sortAssignment(out);
}

/**
 * Kafka's RoundRobinAssignor: all partitions (topics sorted, partitions ascending) dealt in turn to the
 * sorted members, skipping a member not subscribed to the partition's topic.
 */
export function roundRobinAssignor(input: AssignorInput): Assignment {
  const out = emptyAssignment(input.members);
  const sorted = [...input.members].sort(byMemberId);
  if (sorted.length === 0) return out;
  let next = 0;
  for (const topic of subscribedTopics(sorted)) {
    for (let p = 0; p < partitionsOf(input, topic); p++) {
      while (!sorted[next % sorted.length]!.topics.includes(topic)) next++;
      out[sorted[next % sorted.length]!.memberId]!.push({ topic, partition: p });
      next++;
    }
  }
  return sortAssignment(out);
}

export { cooperativeStickyAssignor };

export const assignors: Record<AssignorName, Assignor> = {
  range: rangeAssignor,
  roundrobin: roundRobinAssignor,
  'cooperative-sticky': cooperativeStickyAssignor,
};
