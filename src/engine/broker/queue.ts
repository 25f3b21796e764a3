/**
 * A classic message queue, for contrast with the log: a message goes to one of the competing consumers,
 * is removed when acknowledged, comes back after a nack or when its visibility timeout expires, and
 * cannot be replayed once acknowledged. Plain immutable data, like the broker.
 */
import type { BrokerEffect } from '../types';

export interface QueueMessage {
  readonly messageId: string;
  readonly body: unknown;
  readonly enqueuedAt: number;
  /** Deliveries so far. */
  readonly attempts: number;
  /** Consumer holding it, or null while it waits. */
  readonly heldBy: string | null;
  readonly leaseExpiresAt: number | null;
}

export interface QueueState {
  readonly name: string;
  readonly visibilityTimeoutMs: number;
  /** Waiting and in-flight messages in arrival order; acknowledged ones are gone. */
  readonly messages: readonly QueueMessage[];
  readonly nextId: number;
  /** Next consumer in turn when several compete. */
  readonly turn: number;
}

export interface QueueStep {
  state: QueueState;
  effects: BrokerEffect[];
}

export function createQueue(options: { name: string; visibilityTimeoutMs?: number }): QueueState {
  return {
    name: options.name,
    visibilityTimeoutMs: options.visibilityTimeoutMs ?? 30_000,
    messages: [],
    nextId: 0,
    turn: 0,
  };
}

export function enqueue(
  q: QueueState,
  body: unknown,
  now: number,
  messageId?: string,
): QueueStep & { messageId: string } {
  const id = messageId ?? `m${q.nextId}`;
  const message: QueueMessage = {
    messageId: id,
    body,
    enqueuedAt: now,
    attempts: 0,
    heldBy: null,
    leaseExpiresAt: null,
  };
  return {
    state: { ...q, messages: [...q.messages, message], nextId: q.nextId + 1 },
    effects: [
      {
        kind: 'queue-enqueued',
        queue: q.name,
        messageId: id,
        reason: `${id} joined the back of queue ${q.name} (${q.messages.length + 1} waiting or in flight)`,
      },
    ],
    messageId: id,
  };
}

/** Messages whose lease ran out become available again (redelivered on a later delivery). */
export function expireLeases(q: QueueState, now: number): QueueStep {
  const effects: BrokerEffect[] = [];
  const messages = q.messages.map((m) => {
    if (m.heldBy === null || m.leaseExpiresAt === null || m.leaseExpiresAt > now) return m;
    effects.push({
      kind: 'queue-redelivered',
      queue: q.name,
      messageId: m.messageId,
      cause: 'timeout',
      reason: `${m.heldBy} did not acknowledge ${m.messageId} within the ${q.visibilityTimeoutMs} ms visibility timeout, so it is available again`,
    });
    return { ...m, heldBy: null, leaseExpiresAt: null };
  });
  return { state: effects.length ? { ...q, messages } : q, effects };
}

/** Gives the oldest waiting message to `consumerId` (after expiring leases); null when none waits. */
export function deliver(q: QueueState, consumerId: string, now: number): QueueStep & { message: QueueMessage | null } {
  const expired = expireLeases(q, now);
  const i = expired.state.messages.findIndex((m) => m.heldBy === null);
  if (i < 0) return { ...expired, message: null };
  const m = expired.state.messages[i]!;
  const message: QueueMessage = {
    ...m,
    attempts: m.attempts + 1,
    heldBy: consumerId,
    leaseExpiresAt: now + q.visibilityTimeoutMs,
  };
  const messages = expired.state.messages.slice();
  messages[i] = message;
  const again = message.attempts > 1 ? ` (delivery ${message.attempts}: redelivered)` : '';
  return {
    state: { ...expired.state, messages },
    effects: [
      ...expired.effects,
      {
        kind: 'queue-delivered',
        queue: q.name,
        messageId: m.messageId,
        consumerId,
        attempt: message.attempts,
        reason: `${consumerId} took ${m.messageId}${again}; no other consumer gets it unless it comes back`,
      },
    ],
    message,
  };
}

/** Competing consumers: deal waiting messages one at a time to the consumers in turn. */
export function deliverToConsumers(
  q: QueueState,
  consumerIds: readonly string[],
  now: number,
  max = Infinity,
): QueueStep & { delivered: { consumerId: string; message: QueueMessage }[] } {
  let state = q;
  const effects: BrokerEffect[] = [];
  const delivered: { consumerId: string; message: QueueMessage }[] = [];
  while (consumerIds.length > 0 && delivered.length < max) {
    const consumerId = consumerIds[state.turn % consumerIds.length]!;
    const r = deliver(state, consumerId, now);
    if (!r.message) break;
    state = { ...r.state, turn: r.state.turn + 1 };
    effects.push(...r.effects);
    delivered.push({ consumerId, message: r.message });
  }
  return { state, effects, delivered };
}

function settle(
  q: QueueState,
  messageId: string,
  consumerId: string,
  verb: 'ack' | 'nack',
): { index: number; error: BrokerEffect | null } {
  const index = q.messages.findIndex((m) => m.messageId === messageId);
  const m = q.messages[index];
  if (!m || m.heldBy !== consumerId) {
    const error = `${consumerId} cannot ${verb} ${messageId}: ${!m ? 'it is no longer in the queue' : m.heldBy ? `${m.heldBy} holds it now` : 'its lease expired and it waits for redelivery'}`;
    return {
      index,
      error: { kind: 'request-rejected', request: `queue-${verb}`, target: q.name, error, reason: error },
    };
  }
  return { index, error: null };
}

/** Acknowledged = removed for good: a queue has no replay. */
export function ack(q: QueueState, messageId: string, consumerId: string, _now: number): QueueStep {
  const { index, error } = settle(q, messageId, consumerId, 'ack');
  if (error) return { state: q, effects: [error] };
  return {
    state: { ...q, messages: q.messages.filter((_, i) => i !== index) },
    effects: [
      {
        kind: 'queue-acked',
        queue: q.name,
        messageId,
        consumerId,
        reason: `${consumerId} acknowledged ${messageId}, so the queue deletes it: unlike a log, nobody can read it again`,
      },
    ],
  };
}

/** Negative acknowledgement: the message is available again at once. */
export function nack(q: QueueState, messageId: string, consumerId: string, _now: number): QueueStep {
  const { index, error } = settle(q, messageId, consumerId, 'nack');
  if (error) return { state: q, effects: [error] };
  const messages = q.messages.slice();
  messages[index] = { ...messages[index]!, heldBy: null, leaseExpiresAt: null };
  return {
    state: { ...q, messages },
    effects: [
      {
        kind: 'queue-nacked',
        queue: q.name,
        messageId,
        consumerId,
        reason: `${consumerId} rejected ${messageId} (nack)`,
      },
      {
        kind: 'queue-redelivered',
        queue: q.name,
        messageId,
        cause: 'nack',
        reason: `${messageId} is available again for any consumer`,
      },
    ],
  };
}

export const waitingCount = (q: QueueState): number => q.messages.filter((m) => m.heldBy === null).length;
