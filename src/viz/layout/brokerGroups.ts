/** The right of the broker view: consumer groups stacked, each with its members and a lag chart. */
import type { BrokerState } from '../../engine/broker';
import type { Effect } from '../../engine/types';
import { byId, CHART_H, GROUP_W, tpKey } from './brokerGeometry';
import { layoutMember } from './brokerMembers';
import { rebalanceOf } from './brokerRebalance';
import type { GroupMeta } from './brokerTopics';
import type { GroupVM, MemberVM } from './brokerTypes';

export interface GroupsInput {
  broker: BrokerState;
  effects: readonly Effect[];
  groupIds: readonly string[];
  meta: ReadonlyMap<string, GroupMeta>;
  /** Left edge of the groups column. */
  x: number;
  lagCommitted?: (groupId: string, key: string) => number | undefined;
  /** Step 0: the setup's joins are no rebalance of the story; no chip is marked revoked or assigned. */
  initial?: boolean;
}

/** Groups, stacked on the right: members with their partitions as chips, then the lag chart. */
export function layoutGroups(input: GroupsInput): { groups: GroupVM[]; bottom: number } {
  const { broker, effects, meta, x } = input;
  const groups: GroupVM[] = [];
  let gy = 8;
  for (const id of input.groupIds) {
    const state = broker.groups[id]!;
    const m = meta.get(id)!;
    const multiTopic = state.topics.length > 1;
    const rebalance = rebalanceOf(effects, id, multiTopic, input.initial ?? false);
    const revokedBy = new Map<string, Set<string>>();
    const assignedTo = new Map<string, Set<string>>();
    for (const e of input.initial ? [] : effects) {
      if ((e.kind === 'partitions-revoked' || e.kind === 'partitions-assigned') && e.groupId === id) {
        const map = e.kind === 'partitions-revoked' ? revokedBy : assignedTo;
        const set = map.get(e.memberId) ?? new Set<string>();
        for (const tp of e.partitions) set.add(tpKey(tp.topic, tp.partition));
        map.set(e.memberId, set);
      }
    }
    let my = gy + 42 + (rebalance ? rebalance.lines.length * 15 + 2 : 0);
    const members: MemberVM[] = [];
    const innerW = GROUP_W - 20;
    for (const mem of Object.values(state.members).sort((a, b) => byId(a.memberId, b.memberId))) {
      const vm = layoutMember({
        broker,
        state,
        groupId: id,
        member: mem,
        multiTopic,
        revoked: revokedBy.get(mem.memberId) ?? new Set<string>(),
        assigned: assignedTo.get(mem.memberId) ?? new Set<string>(),
        x,
        y: my,
        innerW,
        lagCommitted: input.lagCommitted,
      });
      members.push(vm);
      my += vm.height + 6;
    }
    if (members.length === 0) my += 22;
    const chart = { x: x + 10, y: my + 14, width: innerW, height: CHART_H };
    const height = chart.y + chart.height + 8 - gy;
    groups.push({
      groupId: id,
      label: m.label,
      badge: m.badge,
      colour: m.colour,
      assignor: state.assignor,
      generation: state.generation,
      x,
      y: gy,
      width: GROUP_W,
      height,
      members,
      rebalance,
      chart,
    });
    gy += height + 12;
  }
  return { groups, bottom: gy };
}
