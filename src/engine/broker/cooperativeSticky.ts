/**
 * CooperativeSticky, exactly as Kafka's CooperativeStickyAssignor (clients/src/main/java/org/apache/kafka/
 * clients/consumer/CooperativeStickyAssignor.java) on top of AbstractStickyAssignor
 * (…/consumer/internals/AbstractStickyAssignor.java), apache/kafka 1eb7644, without racks. Kafka's
 * answer is checked against its own code by assignors.golden.test.ts.
 *
 * - When every member subscribes to the same topics, ConstrainedAssignmentBuilder: members keep owned
 *   partitions up to their quota (⌊N/M⌋, or ⌈N/M⌉ for the first ones that can, in Java HashMap order of
 *   member ids), then free partitions (topics sorted, partitions ascending) are dealt round-robin over
 *   the members under quota (sorted by id).
 * - Otherwise GeneralAssignmentBuilder: keep owned partitions of still-subscribed topics, give each free
 *   partition to the least-loaded eligible member, then move partitions while that improves balance.
 * - Then adjustAssignment: a partition that changes owner is left out of this round (its owner gives it
 *   up now; a follow-up rebalance assigns it).
 *
 * Where Kafka's choices depend on Java's HashMap/HashSet iteration order, that order is reproduced
 * (String/TopicPartition hash codes, bucket index, insertion order within a bucket). The members'
 * order in the input stands for the order the leader received their subscriptions.
 *
 * Not modelled: racks; generations (every member reports the same one, so Kafka's prevAssignment stays
 * empty); owned partitions beyond a topic's partition count (a topic never shrinks) are ignored.
 */
import type { TopicPartition } from '../types';
import {
  emptyAssignment,
  partitionsOf,
  sortAssignment,
  type Assignment,
  type AssignorInput,
  type AssignorMember,
} from './assignment';
import { tpKey } from './brokerState';
import { compareStrings, javaHashMapOrder } from './javaOrder';
import { generalAssignment, type Owned, type Prepared } from './stickyGeneral';

// ---------------------------------------------------------------------------------------------

export function cooperativeStickyAssignor(input: AssignorInput): Assignment {
  const out = emptyAssignment(input.members);
  if (input.members.length === 0) return out;
  const prepared = prepare(input);
  // AbstractStickyAssignor.assignPartitions picks the builder; the constrained one records which
  // partitions change owner as it goes, the general one leaves that to CooperativeStickyAssignor.
  let assignment: Map<string, TopicPartition[]>;
  let transferring: Map<string, string>;
  if (prepared.allSubscriptionsEqual) {
    ({ assignment, transferring } = constrainedAssignment(input, prepared));
  } else {
    assignment = generalAssignment(input, prepared);
    transferring = partitionsTransferringOwnership(input.members, assignment);
  }
  // CooperativeStickyAssignor.adjustAssignment: withhold every partition that changes owner.
  for (const [k, consumer] of transferring) {
    const list = assignment.get(consumer)!;
    const i = list.findIndex((tp) => tpKey(tp.topic, tp.partition) === k);
    if (i >= 0) list.splice(i, 1);
  }
  for (const m of input.members)
    out[m.memberId] = (assignment.get(m.memberId) ?? []).map((tp) => ({ topic: tp.topic, partition: tp.partition }));
  return sortAssignment(out);
}

/** AbstractPartitionAssignor.assign and AbstractStickyAssignor.allSubscriptionsEqual. */
function prepare(input: AssignorInput): Prepared {
  const partitionsPerTopic = new Map<string, number>();
  for (const m of input.members) {
    for (const t of m.topics) {
      const n = partitionsOf(input, t);
      if (n > 0) partitionsPerTopic.set(t, n); // "Skipping assignment for topic … since no metadata is available"
    }
  }
  let allSubscriptionsEqual = true;
  const subscribed = new Set<string>();
  const owned: Owned = new Map();
  const claimedTwice = new Set<string>();
  const previousOwner = new Map<string, string>();
  for (const m of input.members) {
    // allSubscriptionsEqual compares each member's topic list with the first non-empty one as a set.
    if (subscribed.size === 0) for (const t of m.topics) subscribed.add(t);
    else if (
      allSubscriptionsEqual &&
      !(m.topics.length === subscribed.size && m.topics.every((t) => subscribed.has(t)))
    )
      allSubscriptionsEqual = false;
    const list: TopicPartition[] = [];
    owned.set(m.memberId, list);
    for (const tp of m.owned ?? []) {
      const n = partitionsPerTopic.get(tp.topic);
      if (n === undefined || !Number.isInteger(tp.partition) || tp.partition < 0 || tp.partition >= n) continue;
      const k = tpKey(tp.topic, tp.partition);
      const other = previousOwner.get(k);
      if (other === undefined) {
        list.push({ topic: tp.topic, partition: tp.partition });
        previousOwner.set(k, m.memberId);
      } else {
        // Two members of the same generation claim it: Kafka invalidates the claim of both.
        claimedTwice.add(k);
        const theirs = owned.get(other)!;
        const i = theirs.findIndex((x) => tpKey(x.topic, x.partition) === k);
        if (i >= 0) theirs.splice(i, 1);
        previousOwner.set(k, m.memberId);
      }
    }
  }
  return { partitionsPerTopic, allSubscriptionsEqual, owned, claimedTwice };
}

const sortedTopics = (partitionsPerTopic: Map<string, number>): string[] =>
  [...partitionsPerTopic.keys()].sort(compareStrings);

/** AbstractStickyAssignor.ConstrainedAssignmentBuilder (build, assignOwnedPartitions, assignRoundRobin). */
function constrainedAssignment(
  input: AssignorInput,
  p: Prepared,
): { assignment: Map<string, TopicPartition[]>; transferring: Map<string, string> } {
  const transferring = new Map<string, string>();
  // consumerToOwnedPartitions is a HashMap filled in subscription order: its iteration order decides
  // which members keep maxQuota partitions.
  const consumers = javaHashMapOrder(input.members.map((m) => m.memberId));
  let total = 0;
  for (const n of p.partitionsPerTopic.values()) total += n;
  const minQuota = Math.floor(total / consumers.length);
  const maxQuota = Math.ceil(total / consumers.length);
  const expectedOverMin = total % consumers.length;
  let currentOverMin = 0;
  const assignment = new Map<string, TopicPartition[]>(consumers.map((c) => [c, []]));
  const assigned = new Set<string>();
  const maybeRevoked = new Map<string, string>();
  const underMin: string[] = [];
  let exactlyMin: string[] = [];

  // assignOwnedPartitions: owned partitions sorted by partition, then topic.
  for (const consumer of consumers) {
    const owned = p.owned
      .get(consumer)!
      .filter((tp) => !p.claimedTwice.has(tpKey(tp.topic, tp.partition)))
      .sort((a, b) => a.partition - b.partition || compareStrings(a.topic, b.topic));
    const mine = assignment.get(consumer)!;
    const keep = (n: number) => {
      for (const tp of owned.slice(0, n)) {
        mine.push(tp);
        assigned.add(tpKey(tp.topic, tp.partition));
      }
      for (const tp of owned.slice(n)) maybeRevoked.set(tpKey(tp.topic, tp.partition), consumer);
    };
    if (owned.length < minQuota) {
      keep(owned.length);
      underMin.push(consumer);
    } else if (owned.length >= maxQuota && currentOverMin < expectedOverMin) {
      currentOverMin++;
      if (currentOverMin === expectedOverMin) exactlyMin = [];
      keep(maxQuota);
    } else {
      keep(minQuota);
      if (currentOverMin < expectedOverMin) exactlyMin.push(consumer);
    }
  }

  // getUnassignedPartitions: topics sorted, partitions ascending.
  const unassigned: TopicPartition[] = [];
  for (const topic of sortedTopics(p.partitionsPerTopic)) {
    for (let i = 0; i < p.partitionsPerTopic.get(topic)!; i++)
      if (!assigned.has(tpKey(topic, i))) unassigned.push({ topic, partition: i });
  }
  underMin.sort(compareStrings);
  exactlyMin.sort(compareStrings);

  // assignRoundRobin: an iterator over the members under minQuota (restarting at its end); once none is
  // left, members at exactly minQuota in list order (those that reached it here were appended).
  let next = 0;
  for (const tp of unassigned) {
    let consumer: string;
    if (next < underMin.length) consumer = underMin[next++]!;
    else if (underMin.length === 0 && exactlyMin.length === 0)
      break; // Kafka throws: cannot happen with these quotas
    else if (underMin.length === 0) consumer = exactlyMin.shift()!;
    else {
      next = 0;
      consumer = underMin[next++]!;
    }
    // assignNewPartition: a partition another member gave up, or one claimed twice, changes owner.
    const mine = assignment.get(consumer)!;
    mine.push(tp);
    const k = tpKey(tp.topic, tp.partition);
    const from = maybeRevoked.get(k);
    if ((from !== undefined && from !== consumer) || p.claimedTwice.has(k)) transferring.set(k, consumer);
    if (mine.length === minQuota) {
      underMin.splice(--next, 1);
      exactlyMin.push(consumer);
    } else if (mine.length === maxQuota) currentOverMin++;
  }
  return { assignment, transferring };
}

/** CooperativeStickyAssignor.computePartitionsTransferringOwnership: added to one member, given up by another. */
function partitionsTransferringOwnership(
  members: readonly AssignorMember[],
  assignment: Map<string, TopicPartition[]>,
): Map<string, string> {
  const added = new Map<string, string>();
  const revoked = new Set<string>();
  for (const m of members) {
    const owned = new Set((m.owned ?? []).map((tp) => tpKey(tp.topic, tp.partition)));
    const now = new Set((assignment.get(m.memberId) ?? []).map((tp) => tpKey(tp.topic, tp.partition)));
    for (const k of now) if (!owned.has(k)) added.set(k, m.memberId);
    for (const k of owned) if (!now.has(k)) revoked.add(k);
  }
  for (const k of [...added.keys()]) if (!revoked.has(k)) added.delete(k);
  return added;
}
