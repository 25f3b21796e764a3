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
import { emptyAssignment, partitionsOf, sortAssignment, type Assignment, type AssignorInput, type AssignorMember } from './assignment';
import { tpKey } from './brokerState';

/** Java's String.compareTo (UTF-16 code units), which is also JavaScript's default string order. */
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------------------------------------
// Java's hash iteration orders
// ---------------------------------------------------------------------------------------------

/** java.lang.String.hashCode: s[0]·31^(n−1) + … + s[n−1] over UTF-16 code units, in 32-bit ints. */
export function javaStringHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}

/** org.apache.kafka.common.TopicPartition.hashCode: 31·(31 + partition) + topic.hashCode(). */
const topicPartitionHash = (tp: TopicPartition): number => (Math.imul(31, 31 + tp.partition) + javaStringHash(tp.topic)) | 0;

/**
 * The iteration order of a java.util.HashMap / HashSet created with the default capacity (16, load
 * factor 0.75): buckets by (h ^ h >>> 16) & (capacity − 1) ascending, and within a bucket in insertion
 * order (a resize splits buckets keeping their relative order; a removal keeps the others' order).
 * HashMap.putVal: the table doubles when the size exceeds ¾ of it, and when a ninth entry lands in one
 * bucket of a table smaller than 64 (treeifyBin). Tree bins (≥ 9 colliding entries in a table of ≥ 64)
 * are not modelled.
 */
class JavaHashOrder<K> {
  private capacity = 16;
  private seq = 0;
  private readonly entries = new Map<string, { key: K; hash: number; seq: number }>();

  constructor(
    private readonly id: (k: K) => string,
    private readonly hashCode: (k: K) => number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  private bucket(hash: number): number {
    return (hash ^ (hash >>> 16)) & (this.capacity - 1);
  }

  add(key: K): void {
    const id = this.id(key);
    if (this.entries.has(id)) return;
    const hash = this.hashCode(key);
    const b = this.bucket(hash);
    let inBucket = 0;
    for (const e of this.entries.values()) if (this.bucket(e.hash) === b) inBucket++;
    this.entries.set(id, { key, hash, seq: this.seq++ });
    if (inBucket >= 8 && this.capacity < 64) this.capacity *= 2; // treeifyBin resizes a small table
    if (this.entries.size > this.capacity * 0.75) this.capacity *= 2;
  }

  delete(key: K): void {
    this.entries.delete(this.id(key));
  }

  keys(): K[] {
    return [...this.entries.values()].sort((a, b) => this.bucket(a.hash) - this.bucket(b.hash) || a.seq - b.seq).map((e) => e.key);
  }
}

/** Member ids in the order a java.util.HashMap<String, …> filled in `ids` order iterates them. */
export function javaHashMapOrder(ids: readonly string[]): string[] {
  const order = new JavaHashOrder<string>((s) => s, javaStringHash);
  for (const id of ids) order.add(id);
  return order.keys();
}

// ---------------------------------------------------------------------------------------------
// The assignor
// ---------------------------------------------------------------------------------------------

type Owned = Map<string, TopicPartition[]>;

interface Prepared {
  /** AbstractPartitionAssignor.assign: subscribed topics that have partitions → their count. */
  partitionsPerTopic: Map<string, number>;
  allSubscriptionsEqual: boolean;
  /** consumerToOwnedPartitions: owned partitions of subscribed topics, none claimed twice. */
  owned: Owned;
  /** partitionsWithMultiplePreviousOwners (tpKey). */
  claimedTwice: Set<string>;
}

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
  for (const m of input.members) out[m.memberId] = (assignment.get(m.memberId) ?? []).map((tp) => ({ topic: tp.topic, partition: tp.partition }));
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
    else if (allSubscriptionsEqual && !(m.topics.length === subscribed.size && m.topics.every((t) => subscribed.has(t)))) allSubscriptionsEqual = false;
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

const sortedTopics = (partitionsPerTopic: Map<string, number>): string[] => [...partitionsPerTopic.keys()].sort(compareStrings);

/** AbstractStickyAssignor.ConstrainedAssignmentBuilder (build, assignOwnedPartitions, assignRoundRobin). */
function constrainedAssignment(input: AssignorInput, p: Prepared): { assignment: Map<string, TopicPartition[]>; transferring: Map<string, string> } {
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
    for (let i = 0; i < p.partitionsPerTopic.get(topic)!; i++) if (!assigned.has(tpKey(topic, i))) unassigned.push({ topic, partition: i });
  }
  underMin.sort(compareStrings);
  exactlyMin.sort(compareStrings);

  // assignRoundRobin: an iterator over the members under minQuota (restarting at its end); once none is
  // left, members at exactly minQuota in list order (those that reached it here were appended).
  let next = 0;
  for (const tp of unassigned) {
    let consumer: string;
    if (next < underMin.length) consumer = underMin[next++]!;
    else if (underMin.length === 0 && exactlyMin.length === 0) break; // Kafka throws: cannot happen with these quotas
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
function partitionsTransferringOwnership(members: readonly AssignorMember[], assignment: Map<string, TopicPartition[]>): Map<string, string> {
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
    if (!set) forTopic.set(pair, (set = new JavaHashOrder<TopicPartition>((x) => tpKey(x.topic, x.partition), topicPartitionHash)));
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
function generalAssignment(input: AssignorInput, p: Prepared): Map<string, TopicPartition[]> {
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
  let current = new Map<string, TopicPartition[]>(input.members.map((m) => [m.memberId, [...(p.owned.get(m.memberId) ?? [])]]));
  let partitionConsumer = new Map<string, string>();
  for (const [c, tps] of current) for (const tp of tps) partitionConsumer.set(tpKey(tp.topic, tp.partition), c);

  // Topics by how many members can take them, then by name; partitions ascending (TopicComparator).
  const topicOrder = [...ppt.keys()].sort((a, b) => topicConsumers.get(a)!.length - topicConsumers.get(b)!.length || compareStrings(a, b));
  let sortedAllPartitions: TopicPartition[] = topicOrder.flatMap((topic) => Array.from({ length: ppt.get(topic)! }, (_, partition) => ({ topic, partition })));

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

  const maxAssignmentSize = (topics: readonly string[]): number => (topics.length === ppt.size ? totalPartitions : topics.reduce((s, t) => s + ppt.get(t)!, 0));
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
    const canParticipate = tps.length < maxAssignmentSize(consumerTopics.get(c)!) || tps.some((tp) => topicConsumers.get(tp.topic)!.length >= 2);
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
  for (let i = 0; i < sizes.length; i++) for (let j = i + 1; j < sizes.length; j++) score += Math.abs(sizes[i]! - sizes[j]!);
  return score;
}
