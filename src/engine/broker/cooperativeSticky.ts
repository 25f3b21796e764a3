/**
 * CooperativeSticky (Kafka's CooperativeStickyAssignor, simplified where its heuristics do not show):
 * keep what members own as far as balance allows, fill the rest evenly, and never hand out a partition
 * that another member still owns in this round: that one is revoked now and assigned in a follow-up
 * rebalance. A partition claimed by two members counts as owned by neither.
 */
import type { TopicPartition } from '../types';
import {
  byMemberId,
  emptyAssignment,
  partitionsOf,
  sortAssignment,
  subscribedTopics,
  type Assignment,
  type AssignorInput,
  type AssignorMember,
} from './assignment';
import { byTopicPartition, tpKey } from './brokerState';

export function cooperativeStickyAssignor(input: AssignorInput): Assignment {
  const members = [...input.members].sort(byMemberId);
  const out = emptyAssignment(members);
  if (members.length === 0) return out;
  const claimedBy = soleClaims(members, () => true);
  const owner = soleClaims(members, (m, tp) => m.topics.includes(tp.topic) && exists(input, tp));
  const identical = members.every((m) => sameTopics(m.topics, members[0]!.topics));
  const target = identical ? constrainedAssign(input, members, owner) : generalAssign(input, members, owner);
  for (const m of members) {
    // A partition still owned by someone else (even one it no longer subscribes to) waits for a follow-up round.
    out[m.memberId] = target[m.memberId]!.filter((tp) => {
      const o = claimedBy.get(tpKey(tp.topic, tp.partition));
      return o === undefined || o === m.memberId;
    });
  }
  return sortAssignment(out);
}

const sameTopics = (a: readonly string[], b: readonly string[]): boolean => {
  const sa = new Set(a);
  const sb = new Set(b);
  return sa.size === sb.size && [...sa].every((t) => sb.has(t));
};

const exists = (input: AssignorInput, tp: TopicPartition): boolean =>
  Number.isInteger(tp.partition) && tp.partition >= 0 && tp.partition < partitionsOf(input, tp.topic);

/** Partition → the one member claiming it among those `counts` accepts (claimed by two = owned by neither). */
function soleClaims(members: readonly AssignorMember[], counts: (m: AssignorMember, tp: TopicPartition) => boolean): Map<string, string> {
  const claims = new Map<string, string[]>();
  for (const m of members) {
    for (const tp of m.owned ?? []) {
      if (!counts(m, tp)) continue;
      const k = tpKey(tp.topic, tp.partition);
      const c = claims.get(k);
      if (c) {
        if (!c.includes(m.memberId)) c.push(m.memberId);
      } else claims.set(k, [m.memberId]);
    }
  }
  const owner = new Map<string, string>();
  for (const [k, c] of claims) if (c.length === 1) owner.set(k, c[0]!);
  return owner;
}

function allPartitions(input: AssignorInput, members: readonly AssignorMember[]): TopicPartition[] {
  const all: TopicPartition[] = [];
  for (const topic of subscribedTopics(members)) {
    for (let p = 0; p < partitionsOf(input, topic); p++) all.push({ topic, partition: p });
  }
  return all;
}

function ownedBy(m: AssignorMember, owner: Map<string, string>): TopicPartition[] {
  const seen = new Set<string>();
  return (m.owned ?? [])
    .filter((tp) => {
      const k = tpKey(tp.topic, tp.partition);
      if (owner.get(k) !== m.memberId || seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((tp) => ({ topic: tp.topic, partition: tp.partition }))
    .sort(byTopicPartition);
}

/** Identical subscriptions: every member ends with ⌊N/M⌋ or ⌈N/M⌉ partitions, keeping what it can. */
function constrainedAssign(input: AssignorInput, members: readonly AssignorMember[], owner: Map<string, string>): Assignment {
  const all = allPartitions(input, members);
  const minQuota = Math.floor(all.length / members.length);
  const maxQuota = Math.ceil(all.length / members.length);
  const expectedAtMax = all.length % members.length;
  let atMax = 0;
  const target = emptyAssignment(members);
  const taken = new Set<string>();
  for (const m of members) {
    const owned = ownedBy(m, owner);
    let keep = owned.length;
    if (owned.length > minQuota) {
      if (owned.length >= maxQuota && atMax < expectedAtMax) {
        keep = maxQuota;
        atMax++;
      } else keep = minQuota;
    }
    for (const tp of owned.slice(0, keep)) {
      target[m.memberId]!.push(tp);
      taken.add(tpKey(tp.topic, tp.partition));
    }
  }
  const free = all.filter((tp) => !taken.has(tpKey(tp.topic, tp.partition)));
  for (const m of members) {
    while (target[m.memberId]!.length < minQuota && free.length > 0) target[m.memberId]!.push(free.shift()!);
  }
  for (const m of members) {
    if (free.length === 0 || atMax >= expectedAtMax) break;
    if (target[m.memberId]!.length === minQuota && minQuota < maxQuota) {
      target[m.memberId]!.push(free.shift()!);
      atMax++;
    }
  }
  return target;
}

/** Different subscriptions: keep owned, give each free partition to the least-loaded eligible member, then even out. */
function generalAssign(input: AssignorInput, members: readonly AssignorMember[], owner: Map<string, string>): Assignment {
  const target = emptyAssignment(members);
  const taken = new Set<string>();
  for (const m of members) {
    for (const tp of ownedBy(m, owner)) {
      target[m.memberId]!.push(tp);
      taken.add(tpKey(tp.topic, tp.partition));
    }
  }
  const eligible = (topic: string) => members.filter((m) => m.topics.includes(topic));
  const free = allPartitions(input, members)
    .filter((tp) => !taken.has(tpKey(tp.topic, tp.partition)))
    .map((tp, i) => ({ tp, i, choices: eligible(tp.topic).length }))
    .sort((a, b) => a.choices - b.choices || a.i - b.i);
  const load = (m: AssignorMember) => target[m.memberId]!.length;
  for (const { tp } of free) {
    const best = eligible(tp.topic).reduce((a, b) => (load(b) < load(a) ? b : a));
    target[best.memberId]!.push(tp);
  }
  // Even out: move a partition from a member to an eligible one holding at least two fewer.
  // Each move lowers the sum of squared loads, so this ends.
  for (;;) {
    let moved = false;
    const byLoad = [...members].sort((a, b) => load(b) - load(a) || byMemberId(a, b));
    for (const from of byLoad) {
      const parts = [...target[from.memberId]!].sort(byTopicPartition).reverse();
      for (const tp of parts) {
        const to = eligible(tp.topic)
          .filter((m) => load(m) <= load(from) - 2)
          .sort((a, b) => load(a) - load(b) || byMemberId(a, b))[0];
        if (!to) continue;
        target[from.memberId] = target[from.memberId]!.filter((x) => x !== tp);
        target[to.memberId]!.push(tp);
        moved = true;
        break;
      }
      if (moved) break;
    }
    if (!moved) return target;
  }
}
