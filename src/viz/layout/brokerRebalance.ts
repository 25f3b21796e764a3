/**
 * The caption a group shows while it rebalances: protocol, generation, and what moved. At step 0 the effects are the
 * topology's setup — its members joined one by one before step 1, each join a generation — which no narration tells,
 * so no rebalance is shown there (nor, in `brokerGroups.ts`, a chip revoked or assigned): the group as it stands.
 */
import type { Effect, TopicPartition } from '../../engine/types';
import { GROUP_CAPTION_CHARS, wrap } from './brokerGeometry';
import type { RebalanceVM } from './brokerTypes';

const tpLabel = (tps: readonly TopicPartition[], multiTopic: boolean) =>
  tps.map((tp) => (multiTopic ? `${tp.topic} P${tp.partition}` : `P${tp.partition}`)).join(', ');

export function rebalanceOf(
  effects: readonly Effect[],
  groupId: string,
  multiTopic: boolean,
  initial = false,
): RebalanceVM | null {
  let protocol: 'eager' | 'cooperative' | null = null;
  let generation = 0;
  const revoked: TopicPartition[] = [];
  const assigned: TopicPartition[] = [];
  const reasons: string[] = [];
  for (const e of effects) {
    if (e.kind === 'rebalance-started' && e.groupId === groupId) {
      protocol ??= e.protocol;
      generation = Math.max(generation, e.generation);
      reasons.push(e.reason);
    }
    if (e.kind === 'rebalance-completed' && e.groupId === groupId) generation = Math.max(generation, e.generation);
    if (e.kind === 'partitions-revoked' && e.groupId === groupId) {
      revoked.push(...e.partitions);
      reasons.push(e.reason);
    }
    if (e.kind === 'partitions-assigned' && e.groupId === groupId) {
      assigned.push(...e.partitions);
      reasons.push(e.reason);
    }
  }
  if (!protocol) return null;
  // The setup's joins are not a rebalance of the story: the group is drawn as it stands.
  if (initial) return null;
  let text: string;
  if (protocol === 'eager') {
    text =
      revoked.length > 0
        ? `generation ${generation} · eager: all ${revoked.length} partition${revoked.length === 1 ? '' : 's'} revoked, then reassigned`
        : `generation ${generation} · eager: ${assigned.length} partition${assigned.length === 1 ? '' : 's'} assigned`;
  } else {
    text =
      revoked.length > 0
        ? `generation ${generation} · cooperative: only ${tpLabel(revoked, multiTopic)} moved`
        : `generation ${generation} · cooperative: ${assigned.length ? `${tpLabel(assigned, multiTopic)} assigned, nothing revoked` : 'nothing moved'}`;
  }
  return { protocol, generation, lines: wrap(text, GROUP_CAPTION_CHARS, 3), detail: reasons.join(' · ') };
}
