/**
 * Rebalances of the classic group protocol. Eager (range, roundrobin): every member revokes everything,
 * then the assignor deals the partitions anew. Cooperative (cooperative-sticky): members revoke only what
 * moves, and the moved partitions are assigned in a follow-up rebalance (a second generation).
 */
import type { BrokerEffect, TopicPartition } from '../types';
import { assignors, type Assignment } from './assignors';
import { byMemberId } from './assignment';
import { commitPositions, putGroup } from './offsets';
import { tpKey, tpList, type BrokerState, type BrokerStep, type GroupState, type MemberState } from './brokerState';

const MAX_ROUNDS = 5;

const minus = (a: readonly TopicPartition[], b: readonly TopicPartition[]): TopicPartition[] => {
  const drop = new Set(b.map((tp) => tpKey(tp.topic, tp.partition)));
  return a.filter((tp) => !drop.has(tpKey(tp.topic, tp.partition)));
};

export function partitionsPerTopic(state: BrokerState, topics: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of topics) {
    const topic = state.topics[t];
    if (topic) out[t] = topic.partitions.length;
  }
  return out;
}

/** Runs the group's rebalance (and, if cooperative, its follow-ups) after its membership changed. */
export function rebalanceGroup(state: BrokerState, groupId: string, now: number, cause: string): BrokerStep {
  const effects: BrokerEffect[] = [];
  let s = state;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const group = s.groups[groupId]!;
    const members = Object.values(group.members).sort(byMemberId);
    if (members.length === 0) break;
    const cooperative = group.assignor === 'cooperative-sticky';
    const generation = group.generation + 1;
    const protocol = cooperative ? 'cooperative' : 'eager';
    const how = cooperative
      ? 'cooperative protocol: members keep what they can and give up only what moves'
      : 'eager protocol: every member gives up all its partitions first';
    effects.push({
      kind: 'rebalance-started',
      groupId,
      generation,
      protocol,
      reason:
        round === 0
          ? `${cause}; generation ${generation}, ${how}`
          : `follow-up rebalance (generation ${generation}): members that gave up partitions rejoin so those partitions can be assigned`,
    });
    const counts = partitionsPerTopic(s, group.topics);
    const target = assignors[group.assignor]({
      members: members.map((m) => ({
        memberId: m.memberId,
        topics: [...m.topics],
        owned: m.assignment.map((tp) => ({ ...tp })),
      })),
      partitionsPerTopic: counts,
    });
    let revokedAny = false;
    for (const m of members) {
      const revoked = cooperative ? minus(m.assignment, target[m.memberId]!) : [...m.assignment];
      if (revoked.length === 0) continue;
      revokedAny = true;
      if (group.autoCommit) {
        const c = commitPositions(
          s,
          groupId,
          m.memberId,
          revoked,
          now,
          `auto-commit before ${m.memberId} gives up its partitions`,
          true,
        );
        s = c.state;
        effects.push(...c.effects);
      }
      const kept = minus(m.assignment, revoked);
      const reason = cooperative
        ? `${m.memberId} gives up only ${tpList(revoked)} so the group can even out${kept.length ? `; it keeps ${tpList(kept)}` : ''}; the freed partitions are assigned in a follow-up rebalance`
        : `eager rebalance: ${m.memberId} gives up all its partitions (${tpList(revoked)}) before the new assignment`;
      effects.push({ kind: 'partitions-revoked', groupId, memberId: m.memberId, partitions: revoked, reason });
    }
    const after = s.groups[groupId]!;
    const nextMembers: Record<string, MemberState> = {};
    for (const m of members) {
      const assignment = target[m.memberId]!;
      const added = cooperative ? minus(assignment, m.assignment) : assignment;
      const keep = new Set(cooperative ? assignment.map((tp) => tpKey(tp.topic, tp.partition)) : []);
      const positions: Record<string, number> = {};
      for (const [k, v] of Object.entries(after.members[m.memberId]!.positions)) if (keep.has(k)) positions[k] = v;
      // "Rebalance will not preserve the pause/resume state" (KafkaConsumer.pause): a partition assigned anew
      // starts unpaused; a cooperative member keeps the pause of a partition it keeps.
      const { paused: wasPaused, ...rest } = m;
      const paused = (wasPaused ?? []).filter((k) => keep.has(k));
      nextMembers[m.memberId] = {
        ...rest,
        assignment,
        positions,
        fetchCursor: 0,
        ...(paused.length ? { paused } : {}),
      };
      if (added.length > 0) {
        effects.push({
          kind: 'partitions-assigned',
          groupId,
          memberId: m.memberId,
          partitions: added,
          reason: explainAssignment(group, members.length, counts, target, m.memberId, added, cooperative),
        });
      }
    }
    const idleMembers = members.filter((m) => target[m.memberId]!.length === 0).map((m) => m.memberId);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const idle =
      idleMembers.length === 0
        ? 'every member has work'
        : `${idleMembers.join(', ')} idle${total < members.length ? ` (${members.length} members, ${total} partitions)` : ''}`;
    // Kafka's classic coordinator generates member ids (ClassicGroup.generateMemberId: client.id + '-' + a
    // random UUID; group.instance.id + '-' + UUID for a static member) and keeps them across rebalances, so
    // where a newcomer sorts is effectively random. The simulator uses the names shown, so a run repeats.
    const order =
      members.length > 1
        ? `; members are ordered by member id, here the names shown (Kafka's coordinator makes ids like ${members[0]!.memberId}-<random UUID>, so which member sorts first is effectively random there)`
        : '';
    effects.push({
      kind: 'rebalance-completed',
      groupId,
      generation,
      idleMembers,
      reason: `group ${groupId} is stable at generation ${generation}: ${idle}${order}`,
    });
    s = putGroup(s, { ...after, generation, members: nextMembers });
    if (!cooperative || !revokedAny) break;
  }
  return { state: s, effects };
}

function explainAssignment(
  group: GroupState,
  memberCount: number,
  counts: Record<string, number>,
  target: Assignment,
  memberId: string,
  added: TopicPartition[],
  cooperative: boolean,
): string {
  if (cooperative) {
    const kept = minus(target[memberId]!, added);
    return `cooperative-sticky assignor: ${memberId} ${kept.length ? `keeps ${tpList(kept)} and ` : ''}gets ${tpList(added)}`;
  }
  const topics = Object.entries(counts)
    .map(([t, n]) => `${t}: ${n} partition${n === 1 ? '' : 's'}`)
    .join(', ');
  const name =
    group.assignor === 'range'
      ? 'range assignor (per topic, consecutive ranges in member-id order)'
      : 'round-robin assignor (partitions dealt in turn in member-id order)';
  return `${name}: ${topics} over ${memberCount} member${memberCount === 1 ? '' : 's'} → ${memberId} gets ${tpList(added)}`;
}

/** Rebalances every group with a member subscribed to `topic` (e.g. after partitions were added). */
export function rebalanceGroupsReading(state: BrokerState, topic: string, now: number, cause: string): BrokerStep {
  const effects: BrokerEffect[] = [];
  let s = state;
  for (const groupId of Object.keys(state.groups).sort()) {
    const members = Object.values(s.groups[groupId]!.members);
    if (!members.some((m) => m.topics.includes(topic))) continue;
    const r = rebalanceGroup(s, groupId, now, cause);
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}
