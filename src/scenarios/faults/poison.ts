/**
 * Poison records: every attempt to process one fails. A poll whose batch holds one goes through
 * the scenario's own retry-then-dead-letter path (`steps/consume.ts` → the engine's `consumeWithRetry`):
 * its service fails on the poison record as well as on what its own `failOn` says. A group whose
 * service has a dead-letter route (a `failOn`) dead-letters the record after its attempts; a group
 * without one retries it in place at every poll, so its partition stays blocked for good.
 */
import { committedOffset, poll } from '../../engine/broker';
import { tpName } from '../../engine/broker/brokerState';
import type { Effect } from '../../engine/types';
import type { Guard } from '../behaviour/expr';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef, ServiceDef } from '../schema';
import type { World } from '../world';
import { faultsOf } from './faultWorld';

export const POISON_EVENT_TYPE = 'PoisonMessage';

type PollAction = Extract<ActionDef, { kind: 'poll' }>;

/** Attempts of a group without a dead-letter route: it never gives up. */
const FOREVER = Number.MAX_SAFE_INTEGER;

/** The engine's default attempts before dead-lettering (`consumeWithRetry`'s maxAttempts). */
const DEFAULT_ATTEMPTS = 3;

/** A group's dead-letter route: its service fails records (failOn) and dead-letters them after its attempts. */
export function deadLetterRouteOf(
  rt: CompiledScenario,
  groupId: string,
): { maxAttempts: number; topic: string | null } | null {
  const s = rt.serviceByGroup.get(groupId);
  if (!s?.failOn) return null;
  return { maxAttempts: s.maxAttempts ?? DEFAULT_ATTEMPTS, topic: s.deadLetterTopic ?? null };
}

/**
 * Poison records this poll would fetch: the group has not got past them (its committed offset is at or
 * before them) and the member's batch holds them (a pure look ahead: the engine's poll, result discarded).
 */
function reached(world: World, action: PollAction) {
  const { group: groupId, member: memberId } = action;
  const poison = faultsOf(world).poison.filter(
    (p) => (committedOffset(world.broker, groupId, p.topic, p.partition) ?? 0) <= p.offset,
  );
  if (poison.length === 0) return [];
  const max = action.maxRecords !== undefined ? { maxRecords: action.maxRecords } : {};
  const batch = poll(world.broker, { groupId, memberId, ...max }, world.time).records;
  return poison.filter((p) => batch.some((r) => r.eventId === p.eventId));
}

/**
 * The compiled scenario a poll runs with when its batch holds a poison record: the group's service (or,
 * for a group without one, a service with no reactions) fails on the poison records. Null otherwise, so
 * a poll that does not reach one keeps everything the script says (commit mode, a crash).
 */
export function poisonedRuntime(world: World, rt: CompiledScenario, action: PollAction): CompiledScenario | null {
  const groupId = action.group;
  const poison = reached(world, action);
  if (poison.length === 0) return null;
  const isPoison: Guard = { in: [{ ref: 'event.eventId' }, poison.map((p) => p.eventId)] };
  const own = rt.serviceByGroup.get(groupId);
  const service: ServiceDef = own?.failOn
    ? { ...own, failOn: { or: [own.failOn, isPoison] } }
    : { ...(own ?? { id: groupId, label: groupId, group: groupId, on: [] }), failOn: isPoison, maxAttempts: FOREVER };
  return { ...rt, serviceByGroup: new Map(rt.serviceByGroup).set(groupId, service) };
}

/** Without a dead-letter route the engine's retry text would count towards a limit that never comes: say what happens. */
export function explainBlocked(rt: CompiledScenario, groupId: string, effects: Effect[]): Effect[] {
  if (deadLetterRouteOf(rt, groupId)) return effects;
  return effects.map((e) => {
    if (e.kind !== 'processing-failed' || e.groupId !== groupId) return e;
    const tp = tpName(e.topic, e.partition);
    return {
      ...e,
      reason: `${e.memberId} failed to process ${tp}@${e.offset} (attempt ${e.attempt}): it is a poison record, and ${groupId} has no dead-letter route, so it goes back to it and tries again at its next poll. ${tp} is blocked for good: nothing after it is processed, and its lag only grows`,
    };
  });
}
