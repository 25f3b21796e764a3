/**
 * The poll loop in a scenario (backpressure): consumers started with their settings, batches polled and
 * processed at a time per record (the clock moves on by the batch), pause/resume, a clean stop — all through
 * `src/engine/broker/pollLoop.ts` and `pause.ts` — and a burst of records from one producer. The
 * `consumer-client` and `paused-partitions` expectations are checked here too.
 */
import * as broker from '../../engine/broker';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef, ExpectationDef } from '../schema';
import type { World } from '../world';
import { joinRequest } from './joinRequest';
import { publish } from './publish';

type PollLoopAction = Extract<
  ActionDef,
  {
    kind:
      'start-consumer' | 'poll-batch' | 'pause-partitions' | 'resume-partitions' | 'stop-consumer' | 'publish-burst';
  }
>;
type Out = { world: World; effects: Effect[] };

const withBroker = (world: World, r: { state: broker.BrokerState; effects: Effect[] }): Out => ({
  world: { ...world, broker: r.state },
  effects: r.effects,
});

/** `batchMs`: a poll-batch timed as a whole (a slow batch of the failure lab), not at its time per record. */
export function pollLoopStep(world: World, action: PollLoopAction, rt: CompiledScenario, batchMs?: number): Out {
  const now = world.time;
  switch (action.kind) {
    case 'start-consumer': {
      return withBroker(
        world,
        broker.startConsumer(
          world.broker,
          {
            ...joinRequest(world, rt, action.group, action.member),
            ...(action.groupInstanceId !== undefined ? { groupInstanceId: action.groupInstanceId } : {}),
            ...(action.maxPollRecords !== undefined ? { maxPollRecords: action.maxPollRecords } : {}),
            ...(action.maxPollIntervalMs !== undefined ? { maxPollIntervalMs: action.maxPollIntervalMs } : {}),
            ...(action.sessionTimeoutMs !== undefined ? { sessionTimeoutMs: action.sessionTimeoutMs } : {}),
          },
          now,
        ),
      );
    }
    case 'poll-batch': {
      const r = broker.pollAndProcess(
        world.broker,
        {
          groupId: action.group,
          memberId: action.member,
          perRecordMs: action.perRecordMs,
          ...(batchMs !== undefined ? { batchMs } : {}),
          ...(action.maxRecords !== undefined ? { maxRecords: action.maxRecords } : {}),
          ...(action.commit === false ? { commit: false } : {}),
          dedupe: rt.groups.get(action.group)?.idempotent ?? false,
        },
        now,
      );
      // The batch took its time: the scenario's clock moves on to when processing ended.
      return { world: { ...world, broker: r.state, time: Math.max(now, r.endedAt) }, effects: r.effects };
    }
    case 'pause-partitions':
    case 'resume-partitions': {
      const op = action.kind === 'pause-partitions' ? broker.pausePartitions : broker.resumePartitions;
      const partitions = action.partitions.map((partition) => ({ topic: action.topic, partition }));
      return withBroker(world, op(world.broker, { groupId: action.group, memberId: action.member, partitions }, now));
    }
    case 'stop-consumer':
      return withBroker(
        world,
        broker.stopConsumer(world.broker, { groupId: action.group, memberId: action.member }, now),
      );
    case 'publish-burst': {
      let w = world;
      const effects: Effect[] = [];
      for (let i = 0; i < action.count; i++) {
        const key = action.keys[i % action.keys.length]!;
        const r = publish(w, action.producer, action.topic, {
          eventType: action.eventType,
          streamId: streamOf(key),
          key,
          data: { ...action.data, seq: i + 1 },
        });
        w = r.world;
        effects.push(...r.effects);
      }
      return { world: w, effects };
    }
  }
}

/** A key as a stream id (the id alphabet), so the record's subject header names it. */
const streamOf = (key: string) => key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64) || 'key';

type PollLoopExpectation = Extract<ExpectationDef, { kind: 'consumer-client' | 'paused-partitions' }>;

export function failedPollLoopExpectation(world: World, e: PollLoopExpectation): string[] {
  const failures: string[] = [];
  const who = `${e.group}/${e.member}`;
  if (e.kind === 'paused-partitions') {
    const prefix = `${e.topic}:`;
    const paused = broker
      .pausedOf(world.broker, e.group, e.member)
      .filter((k) => k.startsWith(prefix))
      .map((k) => Number(k.slice(prefix.length)))
      .sort((a, b) => a - b);
    if (JSON.stringify(paused) !== JSON.stringify(e.partitions))
      failures.push(
        `${who} has paused ${JSON.stringify(paused)} of ${e.topic}, expected ${JSON.stringify(e.partitions)}`,
      );
    return failures;
  }
  const c = broker.clientOf(world.broker, e.group, e.member);
  if (!c) return [`${who} was never started with settings (start-consumer)`];
  if (e.status !== undefined && c.status !== e.status) failures.push(`${who} is ${c.status}, expected ${e.status}`);
  if (e.timeouts !== undefined && c.timeouts !== e.timeouts)
    failures.push(`${who} missed its poll deadline ${c.timeouts} time(s), expected ${e.timeouts}`);
  if (e.lastBatchRecords !== undefined && (c.lastBatch?.records ?? 0) !== e.lastBatchRecords)
    failures.push(`${who}'s last batch had ${c.lastBatch?.records ?? 0} record(s), expected ${e.lastBatchRecords}`);
  if (e.lastBatchCommitted !== undefined && (c.lastBatch?.committed ?? false) !== e.lastBatchCommitted)
    failures.push(`${who}'s last batch was ${c.lastBatch?.committed ? '' : 'not '}committed`);
  return failures;
}
