/**
 * What a member sends when it joins its group in a step — the `join` action, a consumer started with its
 * settings (`start-consumer`) — built once: the group's topics (as compiled, or as the broker has them for a
 * group the topology does not declare), its assignor and auto.offset.reset.
 */
import type * as broker from '../../engine/broker';
import type { CompiledScenario } from '../compiledScenario';
import type { World } from '../world';

export function joinRequest(world: World, rt: CompiledScenario, groupId: string, memberId: string): broker.JoinRequest {
  const g = rt.groups.get(groupId);
  const topics = g?.topics ?? world.broker.groups[groupId]?.topics ?? [];
  return {
    groupId,
    memberId,
    topics: [...topics],
    ...(g?.assignor ? { assignor: g.assignor } : {}),
    ...(g?.autoOffsetReset ? { autoOffsetReset: g.autoOffsetReset } : {}),
  };
}
