/**
 * Applies one action (a script step's or a learner's) to the world through the pure engine and
 * returns the next world with the effects to animate. After every step the relay (if automatic)
 * publishes new write-side events and projections catch up as far as their lag allows.
 */
import * as broker from '../engine/broker';
import * as q from '../engine/broker/queue';
import type { Effect, LearnerInput } from '../engine/types';
import type { CompiledScenario } from './compiledScenario';
import type { ActionDef } from './schema';
import { aggregateState, runCommand, runRace } from './steps/commands';
import { crashUnnoticedIn, pollStep } from './steps/consume';
import { publish } from './steps/publish';
import { queueStep } from './steps/queue';
import { replicationStep, tickReplication } from './steps/replication';
import { tickTransactions, transactionStep } from './steps/transactions';
import { sagaStep, tickSagas } from './steps/sagas';
import { registryStep } from './steps/registry';
import { mirrorStep } from './steps/mirror';
import { outboxStep } from './steps/outbox';
import { streamStep } from './steps/streams';
import { privacyStep } from './steps/privacy';
import { designStep } from './steps/specs';
import { tickTracing } from './steps/tracing';
import { pollLoopStep } from './steps/pollLoop';
import { joinRequest } from './steps/joinRequest';
import { projectNow, query, rebuild, runRelay } from './steps/readSide';
import { injectFault } from './faults/inject';
import { pollWithFaults } from './faults/poll';
import { catchUpWithFaults } from './faults/projection';
import type { World } from './world';
import { formatDuration } from './faults/words';

export interface Applied {
  world: World;
  effects: Effect[];
}

const withBroker = (world: World, r: { state: broker.BrokerState; effects: Effect[] }): Applied => ({
  world: { ...world, broker: r.state },
  effects: r.effects,
});

export function applyAction(world: World, action: ActionDef, rt: CompiledScenario): Applied {
  const now = world.time;
  switch (action.kind) {
    case 'publish':
      // A direct producer: the broker only, never the event store (see steps/publish.ts).
      return publish(world, action.producer, action.topic, action.event, {
        ...(action.partition !== undefined ? { partition: action.partition } : {}),
        ...(action.retry ? { retry: true } : {}),
        ...(action.tombstone ? { tombstone: true } : {}),
        ...(action.transactional ? { transactional: true } : {}),
        ...(action.failOnce ? { failOnce: true } : {}),
      });
    case 'poll':
      // Faults armed by the learner (faults/poll.ts) change what a poll does; without any it is pollStep.
      return world.faults
        ? pollWithFaults(world, rt, action, (w, a) => applyAction(w, a, rt))
        : pollStep(world, rt, action);
    case 'commit':
      return withBroker(world, broker.commit(world.broker, { groupId: action.group, memberId: action.member }, now));
    case 'join': {
      const isolationLevel = action.isolationLevel ?? rt.groups.get(action.group)?.isolationLevel;
      const request = { ...joinRequest(world, rt, action.group, action.member), ...isolation(isolationLevel) };
      return withBroker(world, broker.joinGroup(world.broker, request, now));
    }
    case 'leave':
      return withBroker(
        world,
        broker.leaveGroup(world.broker, { groupId: action.group, memberId: action.member }, now),
      );
    case 'crash':
      // One crash for a script's step, a poll's crash and the failure lab's: the coordinator evicts the member
      // when its session.timeout.ms runs out, and the clock moves there (a fork of a run with a learner's crash
      // replays as that run did).
      return crashUnnoticedIn(world, action.group, action.member, null);
    case 'seek':
      return withBroker(
        world,
        broker.seek(
          world.broker,
          {
            groupId: action.group,
            memberId: action.member,
            topic: action.topic,
            partition: action.partition,
            offset: action.offset,
          },
          now,
        ),
      );
    case 'reset-offsets':
      return withBroker(
        world,
        broker.resetGroupOffsets(world.broker, { groupId: action.group, topic: action.topic, to: action.to }, now),
      );
    case 'add-partitions':
      return withBroker(world, broker.addPartitions(world.broker, action.topic, action.count, now));
    case 'restart-producer':
      return withBroker(world, broker.restartProducer(world.broker, action.producer, now));
    case 'advance-time': {
      // The clock has already moved by the step; this step moves it further, then retention runs.
      const later = now + action.ms;
      const moved: Effect = {
        kind: 'time-advanced',
        from: now,
        to: later,
        reason: `${formatDuration(action.ms)} pass`,
      };
      const r = broker.applyRetention(world.broker, later);
      const expired = Object.fromEntries(
        Object.entries(world.queues).map(([name, queue]) => [name, q.expireLeases(queue, later)]),
      );
      return {
        world: {
          ...world,
          time: later,
          broker: r.state,
          queues: Object.fromEntries(Object.entries(expired).map(([n, x]) => [n, x.state])),
        },
        effects: [moved, ...r.effects, ...Object.values(expired).flatMap((x) => x.effects)],
      };
    }
    case 'compact':
      return withBroker(world, broker.compactTopic(world.broker, action.topic, now));
    case 'command': {
      const { kind: _kind, ...call } = action;
      return runCommand(world, rt, call);
    }
    case 'race':
      return runRace(world, rt, action.commands);
    case 'relay':
      return runRelay(world, rt, {
        ...(action.maxEvents ? { maxEvents: action.maxEvents } : {}),
        ...(action.crashBeforeCheckpoint ? { crashBeforeCheckpoint: true } : {}),
      });
    case 'project':
      return projectNow(world, rt, action.projection, action.maxEvents);
    case 'rebuild':
      return rebuild(world, rt, action.projection);
    case 'query':
      return { world, effects: query(world, rt, action.projection, action.key) };
    case 'load': {
      const full = action.useSnapshot === false;
      const loaded = aggregateState(world, rt, action.aggregate, action.id, !full);
      if (!loaded) return { world, effects: [] };
      const from =
        full || loaded.fromSnapshot === null
          ? 'replaying from revision 0'
          : `from the snapshot at revision ${loaded.fromSnapshot}`;
      return {
        world,
        effects: [
          ...loaded.effects,
          {
            kind: 'fault-injected',
            fault: 'load',
            target: `${action.aggregate} ${action.id}`,
            reason: `${action.aggregate} ${action.id} rebuilt ${from}, folding ${loaded.eventsRead} event(s): it is "${loaded.state.status}" at revision ${loaded.revision}`,
          },
        ],
      };
    }
    case 'enqueue':
    case 'receive':
    case 'ack':
    case 'nack':
      return queueStep(world, action);
    case 'note':
      return { world, effects: [] };
    case 'produce':
    case 'follower-fetch':
    case 'consumer-fetch':
    case 'crash-broker':
    case 'restart-broker':
    case 'elect-leader':
      return replicationStep(world, action, rt);
    case 'init-transactions':
    case 'begin-transaction':
    case 'send-offsets-to-transaction':
    case 'commit-transaction':
    case 'abort-transaction':
      return transactionStep(world, action);
    case 'start-saga':
    case 'saga-reply':
    case 'crash-orchestrator':
    case 'restart-orchestrator':
      return sagaStep(world, action, rt);
    case 'register-schema':
    case 'set-compatibility':
    case 'produce-with-schema':
    case 'read-with-schema':
      return registryStep(world, action, rt);
    case 'region-produce':
    case 'mirror':
    case 'emit-checkpoints':
    case 'region-consume':
    case 'region-down':
    case 'region-up':
    case 'failover':
      return mirrorStep(world, action, rt);
    case 'outbox-write':
    case 'outbox-commit':
    case 'outbox-publish':
    case 'outbox-cleanup':
      return outboxStep(world, rt.scenario, action);
    case 'run-stream-processor':
    case 'restore-stream-store':
      return streamStep(world, action, rt);
    case 'append-personal':
    case 'shred-key':
    case 'take-backup':
      return privacyStep(world, rt.scenario, action);
    case 'change-design':
      return designStep(world, action);
    case 'poll-batch':
      // A poll too: the faults armed for a member's next poll strike it the same way (faults/poll.ts).
      return world.faults
        ? pollWithFaults(world, rt, action, (w, a) => applyAction(w, a, rt))
        : pollLoopStep(world, action, rt);
    case 'start-consumer':
    case 'pause-partitions':
    case 'resume-partitions':
    case 'stop-consumer':
    case 'publish-burst':
      return pollLoopStep(world, action, rt);
  }
}

/** isolation.level for a join: only read_committed is passed (read_uncommitted is the engine's default too). */
export const isolation = (level: 'read_committed' | 'read_uncommitted' | undefined) =>
  level === 'read_committed' ? { isolationLevel: 'read_committed' as const } : {};

/** Runs the automatic parts of the system after a step: the relay, then the projections. */
export function settle(world: World, rt: CompiledScenario): Applied {
  const effects: Effect[] = [];
  let w = world;
  if (rt.scenario.topology.relay?.auto) {
    const r = runRelay(w, rt);
    w = r.world;
    effects.push(...r.effects);
  }
  const p = catchUpWithFaults(w, rt);
  const t = tickReplication(p.world, rt);
  const x = tickTransactions(t.world);
  const s = tickSagas(x.world, rt);
  // Last, so the sample sees the step's commits, rebalances and dead letters (`steps/tracing.ts`).
  const o = tickTracing(s.world);
  return {
    world: o.world,
    effects: [...effects, ...p.effects, ...t.effects, ...x.effects, ...s.effects, ...o.effects],
  };
}

/**
 * A learner's action in the player. Answers change nothing in the world. `scriptDone`: how many of the script's
 * steps the run has played before it, so a fault can say what the steps still ahead will do (`faults/inject.ts`).
 */
export function applyInput(world: World, input: LearnerInput, rt: CompiledScenario, scriptDone: number): Applied {
  switch (input.kind) {
    case 'produce':
      return publish(
        world,
        input.producerId ?? 'learner',
        input.topic,
        {
          eventType: 'LearnerRecordProduced',
          streamId: learnerStream(input.key),
          key: input.key,
          data: { value: input.value },
        },
        {},
      );
    case 'add-consumer':
      return applyAction(world, { kind: 'join', group: input.groupId, member: input.memberId }, rt);
    case 'remove-consumer':
      return applyAction(world, { kind: 'leave', group: input.groupId, member: input.memberId }, rt);
    case 'crash-consumer':
      // A crash now: the coordinator evicts the member when its session runs out, and the clock moves there.
      return crashUnnoticedIn(world, input.groupId, input.memberId, null);
    case 'add-partitions':
      return applyAction(world, { kind: 'add-partitions', topic: input.topic, count: input.count }, rt);
    case 'reset-group':
      return applyAction(world, { kind: 'reset-offsets', group: input.groupId, topic: input.topic, to: input.to }, rt);
    case 'answer':
      return { world, effects: [] };
    default:
      return injectFault(world, input, rt, scriptDone);
  }
}

/** The stream a learner's record is kept in: a valid scenario id, so a fork can replay it as data. */
export const learnerStream = (key: string | null) =>
  `learner-${key === null ? 'no-key' : key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 50) || 'empty'}`;
