/**
 * A consumer polls and processes what it got. Where the commit sits (before or after processing)
 * and an optional crash decide loss or redelivery; a service attached to the group reacts to each
 * processed event (choreography), carrying correlation and causation ids; a service with a
 * poison-message rule retries in place and dead-letters after N attempts.
 */
import * as broker from '../../engine/broker';
import { eventAt } from '../../engine/eventstore/log';
import { consumeWithRetry } from '../../engine/broker/deadLetter';
import { processRecord } from '../../engine/broker/delivery';
import type { FetchedRecord } from '../../engine/broker';
import type { BrokerEffect, Effect } from '../../engine/types';
import { evalFields, evalGuard, evalValue } from '../behaviour/expr';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef, ServiceDef } from '../schema';
import type { World } from '../world';
import { formatDuration } from '../faults/words';
import { runCommand } from './commands';
import { checkedDuplicate, checkOrder } from './ordering';
import { publish } from './publish';
import { appendedRecord, deadLetterContext, endSend, traceProcess } from './tracing';
import { formatTraceparent, TRACEPARENT, type SpanContext } from '../../engine/tracing';

type PollAction = Extract<ActionDef, { kind: 'poll' }>;

/** The event a record carries, as reactions see it (upcast from the log when the log has it). */
function eventOf(world: World, rt: CompiledScenario, r: FetchedRecord) {
  // Records carry the event's global position in a header, so finding it in the log is O(1).
  const at = r.headers.position ? eventAt(world.log, Number(r.headers.position)) : undefined;
  const stored = at && at.eventId === r.eventId ? at : undefined;
  if (stored) return rt.upcasters.upcast(stored);
  // A record from a direct producer: the event exists only on the topic.
  const v = (r.value ?? {}) as { eventType?: string; data?: unknown };
  return {
    eventId: r.eventId ?? `${r.topic}-${r.partition}@${r.offset}`,
    eventType: v.eventType ?? r.headers.eventType ?? 'Record',
    data: v.data ?? r.value,
    streamId: '',
    revision: 0,
    position: 0,
    recordedAt: r.timestamp,
    metadata: { correlationId: r.headers.correlationId, causationId: r.headers.causationId },
  };
}

function react(
  world: World,
  rt: CompiledScenario,
  service: ServiceDef,
  r: FetchedRecord,
  trace: SpanContext | null = null,
): { world: World; effects: Effect[] } {
  const event = eventOf(world, rt, r);
  let w = world;
  const effects: Effect[] = [];
  const cause = {
    correlationId: String(event.metadata?.correlationId ?? event.eventId),
    causationId: event.eventId,
    by: service.label,
  };
  for (const rule of service.on) {
    if (rule.eventType !== event.eventType) continue;
    const scope = { event, data: event.data };
    if (rule.when && !evalGuard(rule.when, scope)) continue;
    for (const act of rule.do) {
      if ('command' in act) {
        const id = String(evalValue(act.id, scope));
        effects.push({
          kind: 'reaction-triggered',
          service: service.id,
          eventId: event.eventId,
          output: `${act.command} ${id}`,
          reason: `${service.label} reacted to ${event.eventType} by sending ${act.command} for ${act.aggregate} ${id}`,
        });
        const res = runCommand(
          w,
          rt,
          {
            aggregate: act.aggregate,
            id,
            command: act.command,
            data: evalFields(act.data, scope),
            issuedBy: service.label,
          },
          cause,
        );
        w = res.world;
        effects.push(...res.effects);
      } else {
        const p = act.publish;
        const key = evalValue(p.key, scope);
        effects.push({
          kind: 'reaction-triggered',
          service: service.id,
          eventId: event.eventId,
          output: `${p.eventType} → ${p.topic}`,
          reason: `${service.label} reacted to ${event.eventType} by publishing ${p.eventType} to ${p.topic}`,
        });
        const res = publish(
          w,
          service.id,
          p.topic,
          {
            eventType: p.eventType,
            streamId: String(evalValue(p.streamId, scope)),
            key: key === null || key === undefined ? null : String(key),
            data: evalFields(p.data, scope),
          },
          { metadata: { correlationId: cause.correlationId, causationId: cause.causationId }, trace },
        );
        w = res.world;
        effects.push(...res.effects);
      }
    }
  }
  return { world: w, effects };
}

export function pollStep(world: World, rt: CompiledScenario, action: PollAction): { world: World; effects: Effect[] } {
  const group = rt.groups.get(action.group);
  const service = rt.serviceByGroup.get(action.group);
  const now = world.time;
  const { group: groupId, member: memberId } = action;
  const max = action.maxRecords !== undefined ? { maxRecords: action.maxRecords } : {};
  // Tracing (`steps/tracing.ts`): who processes, and the generator's state the poll's span ids derive from.
  const who = { id: groupId, label: service?.id ?? groupId, ...(service ? { service: service.id } : {}) };
  // Salted with the spans recorded so far too, so a second poll of the same records in one step (a lost commit
  // redelivered) gets span ids of its own.
  const salt = (world.rng ^ Math.imul(world.tracing?.state.spans.length ?? 0, 0x9e3779b1)) >>> 0;

  if (service?.failOn) {
    const failOn = service.failOn;
    const r = consumeWithRetry(
      world.broker,
      {
        groupId,
        memberId,
        fails: (rec) => evalGuard(failOn, { event: eventOf(world, rt, rec), data: eventOf(world, rt, rec).data }),
        ...(service.maxAttempts ? { maxAttempts: service.maxAttempts } : {}),
        ...(service.deadLetterTopic ? { deadLetterTopic: service.deadLetterTopic } : {}),
        // A scenario's dead-letter send is Spring Kafka's DeadLetterPublishingRecoverer with setVerifyPartition(false):
        // always the failed record's partition number, so an undersized dead-letter topic blocks (delivery-guarantees
        // tells this and names the setting; Spring's default since 2.7 would let the producer pick a partition).
        verifyPartition: false,
        ...max,
        deadLetterHeaders: (rec: FetchedRecord, attempt: number): Record<string, string> => {
          const c = deadLetterContext(world, salt, who, rec, attempt);
          return c ? { [TRACEPARENT]: formatTraceparent(c.send) } : {};
        },
      },
      now,
    );
    let w: World = { ...world, broker: r.state };
    const effects: Effect[] = [...r.effects];
    const traced = traceRetries(world, w, r.effects, who, salt, service.maxAttempts ?? 3);
    w = traced.world;
    effects.push(...traced.effects);
    for (const rec of r.processed) {
      const t = traceProcess(w, who, rec, 1, false, null, salt);
      w = t.world;
      effects.push(...t.effects);
      const res = react(w, rt, service, rec, t.context);
      w = res.world;
      effects.push(...res.effects);
    }
    return { world: w, effects };
  }

  const mode = action.commit ?? group?.commitMode ?? 'after';
  const dedupe = group?.idempotent ?? false;
  const polled = broker.poll(world.broker, { groupId, memberId, ...max }, now);
  let w: World = { ...world, broker: polled.state };
  const effects: Effect[] = [...polled.effects];
  const commit = (why: string) => {
    const c = broker.commit(w.broker, { groupId, memberId }, now);
    w = { ...w, broker: c.state };
    effects.push(...c.effects.map((e) => ({ ...e, reason: `${why}: ${e.reason}` })));
  };
  const crash = (how: string) => {
    const c = crashUnnoticedIn(w, groupId, memberId, how);
    w = c.world;
    effects.push(...c.effects);
  };
  const n = polled.records.length;
  if (mode === 'before' && n > 0) commit('committed before processing (at-most-once)');
  if (action.crash === 'before-process') {
    crash(
      mode === 'before' && n > 0
        ? `before processing ${records(n)} it fetched, whose offsets it had committed first (at-most-once: they are lost)`
        : n === 0
          ? 'in a poll that fetched nothing new'
          : `before processing ${records(n)} it fetched`,
    );
    return { world: w, effects };
  }
  for (const r of polled.records) {
    const brokerEffects: BrokerEffect[] = [];
    const p = processRecord(w.broker, groupId, memberId, r, dedupe, brokerEffects);
    w = { ...w, broker: p.state };
    effects.push(...(group?.ordering ? brokerEffects.map(checkedDuplicate) : brokerEffects));
    if (p.applied && group?.ordering) {
      const res = checkOrder(w, group.ordering, groupId, memberId, r, eventOf(w, rt, r));
      w = res.world;
      effects.push(...res.effects);
    }
    const t = traceProcess(w, who, r, 1, false, null, salt);
    w = t.world;
    effects.push(...t.effects);
    if (p.applied && service) {
      const res = react(w, rt, service, r, t.context);
      w = res.world;
      effects.push(...res.effects);
    }
  }
  if (action.crash === 'after-process') {
    crash(
      n === 0
        ? 'in a poll that fetched nothing new'
        : mode === 'before'
          ? `after processing ${records(n)}, whose offsets it had committed before processing them`
          : `before committing ${records(n)} it processed`,
    );
    return { world: w, effects };
  }
  if (mode === 'after' && n > 0) commit('committed after processing (at-least-once)');
  return { world: w, effects };
}

/** "the 1 record", "the 3 records". */
const records = (n: number) => `the ${n} record${n === 1 ? '' : 's'}`;

/**
 * A member's process dies at the world's time: no LeaveGroup, no more heartbeats. The coordinator notices only when
 * its session runs out, so the clock moves on to the eviction (`crashUnnoticed`, with a `time-advanced` effect), and
 * the crash's reason says where each partition restarts, from the group's state. `how` (when in its work it died,
 * said after "crashed") is part of that reason. Used by a scripted poll's crash, the failure lab's crash set for a poll (either
 * kind) and its crash now.
 */
export function crashUnnoticedIn(
  world: World,
  groupId: string,
  memberId: string,
  how: string | null,
): { world: World; effects: Effect[] } {
  const from = world.time;
  const c = broker.crashUnnoticed(world.broker, { groupId, memberId }, from, how ?? undefined);
  const w: World = { ...world, broker: c.state, time: Math.max(from, c.evictedAt) };
  const effects: Effect[] = [];
  if (w.time > from)
    effects.push({
      kind: 'time-advanced',
      from,
      to: w.time,
      reason: `${formatDuration(w.time - from)} pass with no heartbeat from ${memberId} (its session.timeout.ms)`,
    });
  effects.push(...c.effects);
  return { world: w, effects };
}

/**
 * The retry path's failed attempts as ERROR spans (and failed observations), and each dead-letter send as a PRODUCER
 * span under the attempt that gave up, with the context the dead-letter record's traceparent carries.
 */
function traceRetries(
  before: World,
  world: World,
  brokerEffects: readonly Effect[],
  who: { id: string; label: string; service?: string },
  salt: number,
  maxAttempts: number,
): { world: World; effects: Effect[] } {
  if (!world.tracing) return { world, effects: [] };
  let w = world;
  const effects: Effect[] = [];
  const recordAt = (topic: string, partition: number, offset: number) =>
    broker.recordsOf(before.broker, topic, partition).find((x) => x.offset === offset);
  brokerEffects.forEach((e, i) => {
    if (e.kind === 'processing-failed') {
      const rec = recordAt(e.topic, e.partition, e.offset);
      if (!rec) return;
      const outcome = e.attempt < maxAttempts ? 'failed, will retry' : 'failed, last attempt';
      const t = traceProcess(w, who, rec, e.attempt, true, outcome, salt);
      w = t.world;
      effects.push(...t.effects);
    }
    if (e.kind === 'record-dead-lettered') {
      const rec = recordAt(e.topic, e.partition, e.offset);
      const c = rec && deadLetterContext(before, salt, who, rec, e.attempts);
      const sent = appendedRecord(w, brokerEffects.slice(0, i).reverse(), rec?.eventId ?? null);
      if (!c || !sent || sent.topic !== e.deadLetterTopic) return;
      const s = endSend(w, who.label, c.send, c.process.spanId, sent, `dead-lettered to ${e.deadLetterTopic}`);
      w = s.world;
      effects.push(...s.effects);
    }
  });
  return { world: w, effects };
}
