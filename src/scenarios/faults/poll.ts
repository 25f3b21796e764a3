/**
 * A script's poll of any kind that fetches records (`poll`, `poll-batch`: `pollKinds.ts`) while faults are playing
 * out: a member that left after its poll timeout rejoins, a paused member gets nothing, an armed fault strikes the
 * member's next poll that fetches records, and a poison record ahead of the group goes through the retry path. Every
 * part is the engine's or the scenario steps' own operation (`pollStep`, the engine's poll loop, seek, advance-time),
 * re-explained where the fault changes why it happens.
 */
import * as broker from '../../engine/broker';
import { tpList, tpName } from '../../engine/broker/brokerState';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import { pollStep } from '../steps/consume';
import type { World } from '../world';
import { explainBlocked, poisonedRuntime } from './poison';
import { memberKey, without, type NextPollFault } from './faultState';
import { faultsOf, withFaults } from './faultWorld';
import { pollKindOf, type PollKind, type PollLike } from './pollKinds';
import type { ApplyAction } from './slowBatch';

type Applied = { world: World; effects: Effect[] };

const note = (fault: string, target: string, reason: string): Effect => ({
  kind: 'fault-injected',
  fault,
  target,
  reason,
});

export function pollWithFaults(world: World, rt: CompiledScenario, action: PollLike, apply: ApplyAction): Applied {
  const { group: groupId, member: memberId } = action;
  const key = memberKey(groupId, memberId);
  const kind = pollKindOf(action, rt, apply);
  const effects: Effect[] = [];
  let w = world;
  // A member whose poll timed out (a slow batch) joins again first, as the engine's poll loop does.
  const back = kind.rejoin(w);
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
  // The retry path is the script poll's (`consumeWithRetry`); the engine's poll loop has none (availability.ts).
  const poisoned = action.kind === 'poll' ? poisonedRuntime(w, rt, action) : null;
  const armed = faultsOf(w).nextPoll[key];
  let done: Applied;
  if (armed && !poisoned && kind.fetched(w) > 0) {
    w = withFaults(w, (f) => ({ nextPoll: without(f.nextPoll, key) }));
    done = strike(w, action, kind, armed, apply);
  } else if (poisoned && action.kind === 'poll') {
    const r = pollStep(w, poisoned, action);
    done = { world: r.world, effects: explainBlocked(rt, groupId, r.effects) };
  } else done = kind.plain(w);
  return { world: done.world, effects: [...effects, ...done.effects] };
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

function strike(world: World, action: PollLike, kind: PollKind, fault: NextPollFault, apply: ApplyAction): Applied {
  const key = memberKey(action.group, action.member);
  if (fault.kind === 'crash-before-commit') {
    const r = kind.crashAfterProcess(world);
    return { world: r.world, effects: [note('crash-consumer', key, `the crash you set up happens now`), ...r.effects] };
  }
  if (fault.kind === 'duplicate') return duplicate(world, action, kind, apply);
  return kind.slow(world, fault.processingMs);
}

/**
 * The batch is processed, its commit is lost, the member seeks back to it and polls again. A poll takes at most
 * max.poll.records, round-robin over the member's partitions, so that poll may fetch from other partitions first:
 * the note says which it was.
 */
function duplicate(world: World, action: PollLike, kind: PollKind, apply: ApplyAction): Applied {
  const { group: groupId, member: memberId } = action;
  const first = kind.uncommitted(world);
  const processed = (effects: readonly Effect[]) =>
    effects.flatMap((e) =>
      e.kind === 'record-processed' && e.memberId === memberId && e.groupId === groupId ? [e] : [],
    );
  let w = first.world;
  const from = new Map<string, { topic: string; partition: number; offset: number }>();
  for (const e of processed(first.effects)) {
    const at = from.get(`${e.topic}:${e.partition}`);
    if (!at || e.offset < at.offset)
      from.set(`${e.topic}:${e.partition}`, { topic: e.topic, partition: e.partition, offset: e.offset });
  }
  const seeks: Effect[] = [];
  for (const { topic, partition, offset } of from.values()) {
    const s = apply(w, { kind: 'seek', group: groupId, member: memberId, topic, partition, offset });
    w = s.world;
    seeks.push(...s.effects);
  }
  const again = kind.plain(w);
  const twice = new Set(processed(again.effects).map((e) => `${e.topic}:${e.partition}@${e.offset}`));
  const all = processed(first.effects).every((e) => twice.has(`${e.topic}:${e.partition}@${e.offset}`));
  const where = tpList([...from.values()]);
  const lost = `${memberId}'s offset commit for that batch is lost (the request times out), so ${groupId}'s committed offsets stay where they were; its error handling seeks back to them and polls again`;
  const told = all
    ? `${lost}, and the same records are delivered a second time`
    : `${lost}. That poll fetches from its other partitions first (at most max.poll.records, round-robin over its partitions), so the records are delivered a second time when ${where} ${from.size === 1 ? 'is' : 'are'} fetched next`;
  return {
    world: again.world,
    effects: [
      ...first.effects,
      note('duplicate-delivery', memberKey(groupId, memberId), told),
      ...seeks,
      ...again.effects,
    ],
  };
}
