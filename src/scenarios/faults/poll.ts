/**
 * A script's poll while faults are playing out: a member that left after its poll timeout rejoins, a
 * paused member gets nothing, an armed fault strikes the member's next poll that fetches records, and
 * a poison record ahead of the group goes through the retry path. Every part is the engine's or the
 * scenario steps' own operation (`pollStep`, seek, advance-time, the engine's poll loop for a slow batch:
 * `slowBatch.ts`), re-explained where the fault changes why it happens.
 */
import * as broker from '../../engine/broker';
import { tpList, tpName } from '../../engine/broker/brokerState';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef } from '../schema';
import { pollStep } from '../steps/consume';
import type { World } from '../world';
import { explainBlocked, poisonedRuntime } from './poison';
import { memberKey, without, type NextPollFault } from './faultState';
import { faultsOf, withFaults } from './faultWorld';
import { rejoinIfTimedOut, slowBatch, type ApplyAction } from './slowBatch';

type PollAction = Extract<ActionDef, { kind: 'poll' }>;
type Applied = { world: World; effects: Effect[] };

const note = (fault: string, target: string, reason: string): Effect => ({
  kind: 'fault-injected',
  fault,
  target,
  reason,
});

export function pollWithFaults(world: World, rt: CompiledScenario, action: PollAction, apply: ApplyAction): Applied {
  const { group: groupId, member: memberId } = action;
  const key = memberKey(groupId, memberId);
  const effects: Effect[] = [];
  let w = world;
  // A member whose poll timed out (a slow batch) joins again first, as the engine's poll loop does.
  const back = rejoinIfTimedOut(w, rt, groupId, memberId);
  w = back.world;
  effects.push(...back.effects);
  const paused = faultsOf(w).paused[key];
  if (paused && w.step <= paused.untilStep)
    return { world: w, effects: [...effects, pausedPoll(w, groupId, memberId)] };
  if (paused) {
    w = withFaults(w, (f) => ({ paused: without(f.paused, key) }));
    effects.push(
      note(
        'pause-consumer',
        key,
        `${memberId} resumes its partitions (KafkaConsumer.resume): it fetches again from where it stopped, so it works through the records that waited`,
      ),
    );
  }
  const poisoned = poisonedRuntime(w, rt, action);
  const armed = faultsOf(w).nextPoll[key];
  let done: Applied;
  if (armed && !poisoned && fetchesRecords(w, action)) {
    w = withFaults(w, (f) => ({ nextPoll: without(f.nextPoll, key) }));
    done = strike(w, rt, action, armed, apply);
  } else if (poisoned) {
    const r = pollStep(w, poisoned, action);
    done = { world: r.world, effects: explainBlocked(rt, groupId, r.effects) };
  } else done = pollStep(w, rt, action);
  return { world: done.world, effects: [...effects, ...done.effects] };
}

/** Whether the member's poll would fetch anything (a pure look ahead: the engine's poll, result discarded). */
function fetchesRecords(world: World, action: PollAction): boolean {
  const max = action.maxRecords !== undefined ? { maxRecords: action.maxRecords } : {};
  return (
    broker.poll(world.broker, { groupId: action.group, memberId: action.member, ...max }, world.time).records.length > 0
  );
}

function pausedPoll(world: World, groupId: string, memberId: string): Effect {
  const assignment = world.broker.groups[groupId]?.members[memberId]?.assignment ?? [];
  const waiting = assignment
    .map((tp) => ({ tp, lag: broker.lagOf(world.broker, groupId, tp.topic, tp.partition) }))
    .map(({ tp, lag }) =>
      lag === null
        ? `${tpName(tp.topic, tp.partition)} has nothing committed yet (log end ${broker.logEndOffset(world.broker, tp.topic, tp.partition)})`
        : `lag on ${tpName(tp.topic, tp.partition)} is ${lag}`,
    );
  return note(
    'pause-consumer',
    memberKey(groupId, memberId),
    `${memberId} is paused: its poll() returns no records from ${tpList(assignment)}, and it commits nothing. It stays in ${groupId} with its partitions, so nobody else reads them: ${waiting.join(', ') || 'it owns no partition'}`,
  );
}

function strike(world: World, rt: CompiledScenario, action: PollAction, fault: NextPollFault, apply: ApplyAction) {
  const { group: groupId, member: memberId } = action;
  const key = memberKey(groupId, memberId);
  if (fault.kind === 'crash-before-commit') {
    const r = pollStep(world, rt, { ...action, crash: 'after-process' });
    return { world: r.world, effects: [note('crash-consumer', key, `the crash you set up happens now`), ...r.effects] };
  }
  if (fault.kind === 'duplicate') return duplicate(world, rt, action, apply);
  return slowBatch(world, rt, action, fault.processingMs, apply);
}

/** The batch is processed, its commit is lost, the member seeks back to it and polls it again. */
function duplicate(world: World, rt: CompiledScenario, action: PollAction, apply: ApplyAction): Applied {
  const { group: groupId, member: memberId } = action;
  const first = pollStep(world, rt, { ...action, commit: 'manual' });
  const effects: Effect[] = [...first.effects];
  effects.push(
    note(
      'duplicate-delivery',
      memberKey(groupId, memberId),
      `${memberId}'s offset commit for that batch is lost (the request times out), so ${groupId}'s committed offsets stay where they were; its error handling seeks back to them and polls again, and the same records are delivered a second time`,
    ),
  );
  let w = first.world;
  const from = new Map<string, { topic: string; partition: number; offset: number }>();
  for (const e of first.effects)
    if (e.kind === 'record-processed' && e.memberId === memberId && e.groupId === groupId) {
      const at = from.get(`${e.topic}:${e.partition}`);
      if (!at || e.offset < at.offset)
        from.set(`${e.topic}:${e.partition}`, { topic: e.topic, partition: e.partition, offset: e.offset });
    }
  for (const { topic, partition, offset } of from.values()) {
    const s = apply(w, { kind: 'seek', group: groupId, member: memberId, topic, partition, offset });
    w = s.world;
    effects.push(...s.effects);
  }
  const again = pollStep(w, rt, action);
  return { world: again.world, effects: [...effects, ...again.effects] };
}
