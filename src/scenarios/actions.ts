/**
 * Applies one action (a script step's or a learner's) to the world through the pure engine and
 * returns the next world with the effects to animate.
 */
import * as broker from '../engine/broker';
import { appendToLog } from '../engine/sim/eventLog';
import type { Effect, LearnerInput, NewEvent } from '../engine/types';
import { nextEventId } from './ids';
import type { ActionDef } from './schema';
import type { World } from './world';

export interface Applied {
  world: World;
  effects: Effect[];
}

export function applyAction(world: World, action: ActionDef): Applied {
  switch (action.kind) {
    case 'publish':
      return publish(world, action.producer, action.topic, action.event);
    case 'poll':
      return pollAndProcess(world, action.group, action.member, action.maxRecords, action.commit ?? true);
    case 'commit': {
      const r = broker.commit(world.broker, { groupId: action.group, memberId: action.member }, world.time);
      return { world: { ...world, broker: r.state }, effects: r.effects };
    }
    case 'join': {
      const r = broker.joinGroup(world.broker, { groupId: action.group, memberId: action.member, topics: groupTopics(world, action.group) }, world.time);
      return { world: { ...world, broker: r.state }, effects: r.effects };
    }
    case 'leave': {
      const r = broker.leaveGroup(world.broker, { groupId: action.group, memberId: action.member }, world.time);
      return { world: { ...world, broker: r.state }, effects: r.effects };
    }
    case 'crash': {
      const r = broker.crashMember(world.broker, { groupId: action.group, memberId: action.member }, world.time);
      return { world: { ...world, broker: r.state }, effects: r.effects };
    }
    case 'note':
      return { world, effects: [] };
  }
}

/** A learner's action in the player. Answers change nothing in the world. */
export function applyInput(world: World, input: LearnerInput): Applied {
  switch (input.kind) {
    case 'produce':
      return publish(world, input.producerId ?? 'learner', input.topic, {
        eventType: 'LearnerRecordProduced',
        streamId: `learner-${input.key ?? 'no-key'}`,
        key: input.key,
        data: { value: input.value as never },
      });
    case 'add-consumer':
      return applyAction(world, { kind: 'join', group: input.groupId, member: input.memberId });
    case 'remove-consumer':
      return applyAction(world, { kind: 'leave', group: input.groupId, member: input.memberId });
    case 'crash-consumer':
      return applyAction(world, { kind: 'crash', group: input.groupId, member: input.memberId });
    case 'add-partitions': {
      const r = broker.addPartitions(world.broker, input.topic, input.count, world.time);
      return { world: { ...world, broker: r.state }, effects: r.effects };
    }
    case 'reset-group': {
      const r = broker.resetGroupOffsets(world.broker, { groupId: input.groupId, topic: input.topic, to: input.to }, world.time);
      return { world: { ...world, broker: r.state }, effects: r.effects };
    }
    case 'answer':
      return { world, effects: [] };
  }
}

function groupTopics(world: World, groupId: string): string[] {
  const g = world.broker.groups[groupId];
  return g ? [...g.topics] : [];
}

interface PublishedEvent {
  eventType: string;
  streamId: string;
  key: string | null;
  schemaVersion?: number;
  data: Record<string, unknown>;
}

/** Store first, then publish: the event lands in the log, then as a record on the topic. */
function publish(world: World, producer: string, topic: string, spec: PublishedEvent): Applied {
  const [eventId, rng] = nextEventId(world.rng);
  const event: NewEvent = {
    eventId,
    eventType: spec.eventType,
    schemaVersion: spec.schemaVersion ?? 1,
    data: spec.data,
    metadata: { correlationId: eventId, occurredAt: world.time, producer },
  };
  const stored = appendToLog(world.log, spec.streamId, [event], world.time);
  const rec = stored.recorded[0]!;
  const effects: Effect[] = [
    {
      kind: 'event-stored',
      streamId: rec.streamId,
      revision: rec.revision,
      position: rec.position,
      eventId,
      eventType: rec.eventType,
      reason: `${producer} stored ${rec.eventType} as revision ${rec.revision} of stream "${rec.streamId}" (global position ${rec.position})`,
    },
  ];
  const produced = broker.produce(
    world.broker,
    { topic, key: spec.key, value: { eventType: spec.eventType, data: spec.data }, headers: { eventType: spec.eventType }, producerId: producer, eventId },
    world.time,
  );
  return { world: { ...world, rng, log: stored.log, broker: produced.state }, effects: [...effects, ...produced.effects] };
}

/** Poll, process what came back, then (at-least-once) commit the new positions. */
function pollAndProcess(world: World, groupId: string, memberId: string, maxRecords: number | undefined, commitAfter: boolean): Applied {
  const polled = broker.poll(world.broker, { groupId, memberId, ...(maxRecords ? { maxRecords } : {}) }, world.time);
  const effects: Effect[] = [...polled.effects];
  for (const r of polled.records) {
    effects.push({
      kind: 'record-processed',
      groupId,
      memberId,
      topic: r.topic,
      partition: r.partition,
      offset: r.offset,
      duplicate: false,
      reason: `${memberId} processed ${describeValue(r.value)} from ${r.topic}-${r.partition} at offset ${r.offset}`,
    });
  }
  if (!commitAfter || polled.records.length === 0) return { world: { ...world, broker: polled.state }, effects };
  const committed = broker.commit(polled.state, { groupId, memberId }, world.time);
  return { world: { ...world, broker: committed.state }, effects: [...effects, ...committed.effects] };
}

const describeValue = (value: unknown): string =>
  value && typeof value === 'object' && 'eventType' in value ? String((value as { eventType: unknown }).eventType) : 'a record';
