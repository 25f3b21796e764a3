/**
 * A fault's own step: what the learner did, armed in the world's fault state, with what it will
 * cost told in the effects. Faults that act at once (a poison record produced, a producer's lost
 * acknowledgement and its retry) go through the engine's own operations; the rest play out in the
 * steps after it (`poll.ts`, `projection.ts`).
 */
import * as broker from '../../engine/broker';
import { tpList, tpName } from '../../engine/broker/brokerState';
import type { Effect, LearnerInput } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import { publish } from '../steps/publish';
import { replicationStep } from '../steps/replication';
import type { World } from '../world';
import { deadLetterRouteOf, POISON_EVENT_TYPE } from './poison';
import { memberKey } from './faultState';
import { clientIn, slowArmed } from './slowBatch';
import { withFaults } from './faultWorld';
import { poisonPollsOf } from './laterPolls';
import { formatDuration, plural } from './words';

export type FaultInput = Exclude<
  LearnerInput,
  {
    kind:
      'produce' | 'add-consumer' | 'remove-consumer' | 'crash-consumer' | 'add-partitions' | 'reset-group' | 'answer';
  }
>;

type Applied = { world: World; effects: Effect[] };

const note = (fault: string, target: string, reason: string): Effect => ({
  kind: 'fault-injected',
  fault,
  target,
  reason,
});

/** A fault that cannot act (its member left, its producer never sent): nothing changes, and why. */
const refused = (world: World, request: string, target: string, error: string): Applied => ({
  world,
  effects: [{ kind: 'request-rejected', request, target, error, reason: error }],
});

/** `scriptDone`: the script steps the run has played before this one, so a fault can say what lies ahead. */
export function injectFault(world: World, input: FaultInput, rt: CompiledScenario, scriptDone: number): Applied {
  switch (input.kind) {
    case 'crash-consumer-before-commit':
    case 'slow-consumer':
    case 'duplicate-delivery':
    case 'pause-consumer':
      return armMember(world, input);
    case 'poison-message':
      return poison(world, input, rt, scriptDone);
    case 'drop-producer-connection':
      return dropConnection(world, input.producerId);
    case 'kill-broker':
    case 'restart-broker':
      return brokerFault(world, input, rt);
    case 'slow-projection': {
      const p = rt.projections.get(input.projection);
      if (!p) return refused(world, 'slow-projection', input.projection, `there is no projection ${input.projection}`);
      const until = world.step + input.steps;
      const next = withFaults(world, (f) => ({
        slowProjections: { ...f.slowProjections, [input.projection]: { lagMs: input.lagMs, untilStep: until } },
      }));
      return {
        world: next,
        effects: [
          note(
            'slow-projection',
            input.projection,
            `${p.spec.title} slows down: until step ${until} it applies only events stored more than ${formatDuration(input.lagMs)} earlier (its consumer cannot keep up), so it falls behind the event store and reads from it can be stale; after that it catches up`,
          ),
        ],
      };
    }
  }
}

type MemberFault = Extract<FaultInput, { groupId: string }>;

function armMember(world: World, input: MemberFault): Applied {
  const { groupId, memberId } = input;
  const member = world.broker.groups[groupId]?.members[memberId];
  if (!member)
    return refused(world, input.kind, `${groupId}/${memberId}`, `${memberId} is not a member of group ${groupId}`);
  const key = memberKey(groupId, memberId);
  const parts = tpList(member.assignment);
  if (input.kind === 'pause-consumer') {
    const until = world.step + input.steps;
    return {
      world: withFaults(world, (f) => ({ paused: { ...f.paused, [key]: { untilStep: until } } })),
      effects: [
        note(
          'pause-consumer',
          key,
          `${memberId} pauses fetching from ${parts} (KafkaConsumer.pause) until step ${until}: its polls return no records from them. It keeps calling poll(), so it stays within max.poll.interval.ms and keeps its partitions — no rebalance — while new records wait and ${groupId}'s lag grows`,
        ),
      ],
    };
  }
  const fault =
    input.kind === 'slow-consumer'
      ? ({ kind: 'slow', processingMs: input.processingMs } as const)
      : input.kind === 'duplicate-delivery'
        ? ({ kind: 'duplicate' } as const)
        : ({ kind: 'crash-before-commit' } as const);
  const reason =
    fault.kind === 'slow'
      ? slowArmed(clientIn(world, groupId, memberId), fault.processingMs)
      : fault.kind === 'duplicate'
        ? `${memberId}'s next offset commit will be lost after it processes its batch (the commit request times out), and it will seek back to the last committed offsets and poll again: the same records will be delivered to it twice`
        : `${memberId} will crash in its next poll that fetches records: after processing them, before committing their offsets`;
  return {
    world: withFaults(world, (f) => ({ nextPoll: { ...f.nextPoll, [key]: fault } })),
    effects: [note(input.kind, key, reason)],
  };
}

function poison(
  world: World,
  input: Extract<FaultInput, { kind: 'poison-message' }>,
  rt: CompiledScenario,
  scriptDone: number,
): Applied {
  const r = publish(world, 'learner', input.topic, {
    eventType: POISON_EVENT_TYPE,
    streamId: 'learner-poison',
    key: input.key,
    data: { payload: 'malformed: processing it throws' },
  });
  const appended = r.effects.find((e) => e.kind === 'record-appended');
  if (appended?.kind !== 'record-appended' || appended.eventId === null) return r;
  const record = {
    eventId: appended.eventId,
    topic: appended.topic,
    partition: appended.partition,
    offset: appended.offset,
  };
  const where = `${tpName(record.topic, record.partition)}@${record.offset}`;
  const readers = Object.values(world.broker.groups).filter((g) => g.topics.includes(input.topic));
  const fates = readers.map((g) => poisonFate(rt, scriptDone, g.groupId, record.topic));
  return {
    world: withFaults(r.world, (f) => ({ poison: [...f.poison, record] })),
    effects: [
      ...r.effects,
      note(
        'poison-message',
        where,
        `the record at ${where} is poison: every attempt to process it fails (its payload breaks the consumer's code). A consumer retries a failed record in place, so nothing after it in ${tpName(record.topic, record.partition)} is processed until it is dealt with. ${fates.length ? fates.join('; ') : `No group reads ${input.topic} yet`}`,
      ),
    ],
  };
}

/**
 * What one group that reads the poison record's topic will do with it in the story on screen: each later script
 * `poll` of the group that fetches the record makes one attempt (`consumeWithRetry`), so the sentence counts the polls
 * ahead (`poisonPollsOf`) instead of promising retries "at every poll" of a group the story never polls again.
 */
function poisonFate(rt: CompiledScenario, scriptDone: number, groupId: string, topic: string): string {
  const { polls, onlyPollLoop } = poisonPollsOf(rt.scenario, scriptDone, groupId);
  if (polls === 0)
    return onlyPollLoop
      ? `${groupId} reads ${topic}, but its only later polls are its poll loop's (poll-batch), which models records that are slow to process, not records that fail, so it never fails on this one`
      : `${groupId} reads ${topic}, but no later step of this story polls it, so it never fetches this record`;
  const ahead = `this story polls ${groupId} ${plural(polls, 'more time')}`;
  const route = deadLetterRouteOf(rt, groupId);
  if (!route)
    return `${groupId} has no dead-letter route: it would fail on it at each of its polls that fetches it and never get past it — ${ahead}`;
  const dlt = route.topic ?? `${topic}.DLT`;
  return polls < route.maxAttempts
    ? `${groupId} would try it once at each poll that fetches it and send it to its dead-letter topic ${dlt} after ${plural(route.maxAttempts, 'attempt')}, but ${ahead}, so it cannot give up on it before the story ends`
    : `${groupId} would try it once at each poll that fetches it and send it to its dead-letter topic ${dlt} after ${plural(route.maxAttempts, 'attempt')} — ${ahead}`;
}

/**
 * The broker appended the producer's last batch, but the connection dropped before the
 * acknowledgement arrived: the producer cannot tell, so it retries the batch (retries is
 * Integer.MAX_VALUE by default, bounded by delivery.timeout.ms = 120000: ProducerConfig). The
 * engine's retry decides: deduplicated by an idempotent producer, duplicated otherwise.
 */
function dropConnection(world: World, producerId: string): Applied {
  const last = world.broker.producers[producerId]?.lastSend;
  if (!last) return refused(world, 'drop-producer-connection', producerId, `${producerId} has not sent a record yet`);
  const where = `${tpName(last.topic, last.partition)}@${last.offset}`;
  const retried = broker.produce(
    world.broker,
    { topic: last.topic, key: last.key, value: null, producerId, retry: true },
    world.time,
  );
  return {
    world: { ...world, broker: retried.state },
    effects: [
      note(
        'drop-producer-connection',
        producerId,
        `the connection between ${producerId} and the broker drops after the broker appended ${where} but before the acknowledgement reached ${producerId}; it cannot tell the write succeeded, so it sends the same batch again (producers retry until delivery.timeout.ms, 120000 ms by default)`,
      ),
      ...retried.effects,
    ],
  };
}

/**
 * Killing or restarting a broker of a replicated scenario is the same step the format's crash-broker /
 * restart-broker actions run (steps/replication.ts, through src/engine/replication): one implementation.
 */
function brokerFault(
  world: World,
  input: Extract<FaultInput, { kind: 'kill-broker' | 'restart-broker' }>,
  rt: CompiledScenario,
): Applied {
  const online = world.replication?.online[input.broker];
  if (online === undefined)
    return refused(world, input.kind, `broker ${input.broker}`, `there is no broker ${input.broker} in this scenario`);
  const kill = input.kind === 'kill-broker';
  if (online !== kill)
    return refused(
      world,
      input.kind,
      `broker ${input.broker}`,
      kill ? `broker ${input.broker} is already down` : `broker ${input.broker} is running`,
    );
  return replicationStep(world, { kind: kill ? 'crash-broker' : 'restart-broker', broker: input.broker }, rt);
}
