/**
 * Kafka's GeneralAssignmentBuilder (AbstractStickyAssignor.java, apache/kafka 1eb7644): the sticky
 * assignment when members subscribe to different topics. Used by cooperativeSticky.ts.
 */
import type { TopicPartition } from '../types';
import type { AssignorInput } from './assignment';
import { tpKey } from './brokerState';
import { compareStrings, JavaHashOrder, topicPartitionHash } from './javaOrder';

/** What both builders start from (AbstractStickyAssignor.assign's inputs, prepared once). */
export type Owned = Map<string, TopicPartition[]>;

export interface Prepared {
  /** AbstractPartitionAssignor.assign: subscribed topics that have partitions → their count. */
  partitionsPerTopic: Map<string, number>;
  allSubscriptionsEqual: boolean;
  /** consumerToOwnedPartitions: owned partitions of subscribed topics, none claimed twice. */
  owned: Owned;
  /** partitionsWithMultiplePreviousOwners (tpKey). */
  claimedTwice: Set<string>;
}

// ---------------------------------------------------------------------------------------------
// GeneralAssignmentBuilder
// ---------------------------------------------------------------------------------------------

interface Move {
  src: string;
  dst: string;
}

/** AbstractStickyAssignor.PartitionMovements: which partitions moved between which members, per topic. */
class PartitionMovements {
  private readonly byPartition = new Map<string, Move>();
  /** topic → "src→dst" → the partitions (a Java HashSet: its first element is the one moved back). */
  private readonly byTopic = new Map<string, Map<string, JavaHashOrder<TopicPartition>>>();

  private static pair(src: string, dst: string): string {
    return JSON.stringify([src, dst]);
  }

  private removeRecord(tp: TopicPartition): Move {
    const k = tpKey(tp.topic, tp.partition);
    const move = this.byPartition.get(k)!;
    this.byPartition.delete(k);
    const forTopic = this.byTopic.get(tp.topic)!;
    const pair = PartitionMovements.pair(move.src, move.dst);
    const set = forTopic.get(pair)!;
    set.delete(tp);
    if (set.size === 0) forTopic.delete(pair);
    if (forTopic.size === 0) this.byTopic.delete(tp.topic);
    return move;
  }

  private addRecord(tp: TopicPartition, move: Move): void {
    this.byPartition.set(tpKey(tp.topic, tp.partition), move);
    let forTopic = this.byTopic.get(tp.topic);
    if (!forTopic) this.byTopic.set(tp.topic, (forTopic = new Map()));
    const pair = PartitionMovements.pair(move.src, move.dst);
    let set = forTopic.get(pair);
    if (!set)
      forTopic.set(
        pair,
        (set = new JavaHashOrder<TopicPartition>((x) => tpKey(x.topic, x.partition), topicPartitionHash)),
      );
    set.add(tp);
  }

  /** movePartition: a partition moving back to where it came from leaves no record. */
  move(tp: TopicPartition, from: string, to: string): void {
    const k = tpKey(tp.topic, tp.partition);
    if (this.byPartition.has(k)) {
      const existing = this.removeRecord(tp);
      if (existing.src !== to) this.addRecord(tp, { src: existing.src, dst: to });
    } else this.addRecord(tp, { src: from, dst: to });
  }

  /** getTheActualPartitionToBeMoved: rather than move a partition one way, move back one that came the other way. */
  actualPartitionToMove(tp: TopicPartition, from: string, to: string): TopicPartition {
    const forTopic = this.byTopic.get(tp.topic);
    if (!forTopic) return tp;
    const earlier = this.byPartition.get(tpKey(tp.topic, tp.partition));
    const src = earlier ? earlier.src : from;
    const reverse = forTopic.get(PartitionMovements.pair(to, src));
    return reverse ? reverse.keys()[0]! : tp;
  }
}

/** AbstractStickyAssignor.GeneralAssignmentBuilder (build, assignOwnedPartitions, balance, performReassignments). */
export function generalAssignment(input: AssignorInput, p: Prepared): Map<string, TopicPartition[]> {
  const ppt = p.partitionsPerTopic;
  let totalPartitions = 0;
  for (const n of ppt.values()) totalPartitions += n;
  const subscriptions = new Map(input.members.map((m) => [m.memberId, m.topics]));
  const topicConsumers = new Map<string, string[]>([...ppt.keys()].map((t) => [t, []]));
  const consumerTopics = new Map<string, string[]>();
  for (const m of input.members) {
    const topics = m.topics.filter((t) => ppt.has(t));
    consumerTopics.set(m.memberId, topics);
    for (const t of topics) topicConsumers.get(t)!.push(m.memberId);
  }
  let current = new Map<string, TopicPartition[]>(
    input.members.map((m) => [m.memberId, [...(p.owned.get(m.memberId) ?? [])]]),
  );
  let partitionConsumer = new Map<string, string>();
  for (const [c, tps] of current) for (const tp of tps) partitionConsumer.set(tpKey(tp.topic, tp.partition), c);

  // Topics by how many members can take them, then by name; partitions ascending (TopicComparator).
  const topicOrder = [...ppt.keys()].sort(
    (a, b) => topicConsumers.get(a)!.length - topicConsumers.get(b)!.length || compareStrings(a, b),
  );
  let sortedAllPartitions: TopicPartition[] = topicOrder.flatMap((topic) =>
    Array.from({ length: ppt.get(topic)! }, (_, partition) => ({ topic, partition })),
  );

  const size = (c: string): number => current.get(c)?.length ?? 0;
  /** sortedCurrentSubscriptions: a TreeSet of members by (partition count, member id). */
  const sorted = {
    list: [] as string[],
    cmp: (a: string, b: string) => size(a) - size(b) || compareStrings(a, b),
    add(c: string) {
      if (this.list.includes(c)) return;
      const i = this.list.findIndex((x) => this.cmp(x, c) > 0);
      if (i < 0) this.list.push(c);
      else this.list.splice(i, 0, c);
    },
    remove(c: string) {
      const i = this.list.indexOf(c);
      if (i >= 0) this.list.splice(i, 1);
    },
  };

  // assignOwnedPartitions: keep owned partitions of topics the member still subscribes to.
  let revocationRequired = false;
  const assigned = new Set<string>();
  for (const [c, tps] of current) {
    const topics = subscriptions.get(c)!;
    current.set(
      c,
      tps.filter((tp) => {
        if (topics.includes(tp.topic)) {
          assigned.add(tpKey(tp.topic, tp.partition));
          return true;
        }
        revocationRequired = true; // (its partitionConsumer entry stays, as in Kafka, until reassigned)
        return false;
      }),
    );
  }
  let unassigned = sortedAllPartitions.filter((tp) => !assigned.has(tpKey(tp.topic, tp.partition)));
  for (const c of current.keys()) sorted.add(c);

  const maxAssignmentSize = (topics: readonly string[]): number =>
    topics.length === ppt.size ? totalPartitions : topics.reduce((s, t) => s + ppt.get(t)!, 0);
  const movements = new PartitionMovements();

  const processPartitionMovement = (tp: TopicPartition, to: string) => {
    const k = tpKey(tp.topic, tp.partition);
    const from = partitionConsumer.get(k)!;
    sorted.remove(from);
    sorted.remove(to);
    movements.move(tp, from, to);
    const fromList = current.get(from)!;
    const i = fromList.findIndex((x) => tpKey(x.topic, x.partition) === k);
    if (i >= 0) fromList.splice(i, 1);
    current.get(to)!.push(tp);
    partitionConsumer.set(k, to);
    sorted.add(to);
    sorted.add(from);
  };
  const reassignPartition = (tp: TopicPartition) => {
    // the least-loaded member (then lowest id) that subscribes to the topic
    const to = sorted.list.find((c) => consumerTopics.get(c)!.includes(tp.topic))!;
    const from = partitionConsumer.get(tpKey(tp.topic, tp.partition))!;
    processPartitionMovement(movements.actualPartitionToMove(tp, from, to), to);
  };

  const isBalanced = (): boolean => {
    if (size(sorted.list[0]!) >= size(sorted.list[sorted.list.length - 1]!) - 1) return true;
    const owner = new Map<string, string>();
    for (const [c, tps] of current) for (const tp of tps) owner.set(tpKey(tp.topic, tp.partition), c);
    for (const c of sorted.list) {
      const count = size(c);
      const topics = consumerTopics.get(c)!;
      if (count === maxAssignmentSize(topics)) continue;
      const mine = new Set(current.get(c)!.map((tp) => tpKey(tp.topic, tp.partition)));
      for (const t of topics) {
        for (let i = 0; i < ppt.get(t)!; i++) {
          const k = tpKey(t, i);
          if (!mine.has(k) && count + 1 < size(owner.get(k)!)) return false;
        }
      }
    }
    return true;
  };

  const performReassignments = (partitions: readonly TopicPartition[]): boolean => {
    let performed = false;
    let modified: boolean;
    do {
      modified = false;
      for (const tp of partitions) {
        if (isBalanced()) break;
        const c = partitionConsumer.get(tpKey(tp.topic, tp.partition))!;
        // (prevAssignment is empty: every member reports the same generation)
        if (topicConsumers.get(tp.topic)!.some((other) => size(c) > size(other) + 1)) {
          reassignPartition(tp);
          performed = modified = true;
        }
      }
    } while (modified);
    return performed;
  };

  // balance
  const initializing = size(sorted.list[sorted.list.length - 1]!) === 0;
  // maybeAssign: each free partition to the first member in (count, id) order that subscribes to it.
  for (const tp of unassigned) {
    const c = sorted.list.find((x) => consumerTopics.get(x)!.includes(tp.topic));
    if (c === undefined) continue;
    sorted.remove(c);
    current.get(c)!.push(tp);
    partitionConsumer.set(tpKey(tp.topic, tp.partition), c);
    sorted.add(c);
  }
  // Only partitions of topics two or more members can take, and only members that could change, take part.
  const fixedTopics = new Set([...topicConsumers].filter(([, cs]) => cs.length < 2).map(([t]) => t));
  sortedAllPartitions = sortedAllPartitions.filter((tp) => !fixedTopics.has(tp.topic));
  unassigned = unassigned.filter((tp) => !fixedTopics.has(tp.topic));
  const fixedAssignments = new Map<string, TopicPartition[]>();
  for (const c of consumerTopics.keys()) {
    const tps = current.get(c)!;
    const canParticipate =
      tps.length < maxAssignmentSize(consumerTopics.get(c)!) ||
      tps.some((tp) => topicConsumers.get(tp.topic)!.length >= 2);
    if (!canParticipate) {
      sorted.remove(c);
      fixedAssignments.set(c, tps);
      current.delete(c);
    }
  }
  const preBalance = new Map([...current].map(([c, tps]) => [c, [...tps]]));
  const preBalanceConsumers = new Map(partitionConsumer);
  // First try moving only the newly assigned partitions, unless a subscription change forces revocations.
  if (!revocationRequired) performReassignments(unassigned);
  const reassignmentPerformed = performReassignments(sortedAllPartitions);
  // Keep the moves only if they made the assignment more balanced (getBalanceScore).
  if (!initializing && reassignmentPerformed && balanceScore(current) >= balanceScore(preBalance)) {
    current = new Map([...preBalance].map(([c, tps]) => [c, [...tps]]));
    partitionConsumer = preBalanceConsumers;
  }
  for (const [c, tps] of fixedAssignments) current.set(c, tps);
  return current;
}

/** getBalanceScore: the sum of |a − b| over every pair of members' partition counts. */
function balanceScore(assignment: Map<string, TopicPartition[]>): number {
  const sizes = [...assignment.values()].map((tps) => tps.length);
  let score = 0;
  for (let i = 0; i < sizes.length; i++)
    for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
  return score;
}
