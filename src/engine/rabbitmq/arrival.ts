/**
 * A message arriving in queues — from a publish or as a dead letter — and a message leaving a queue
 * unacknowledged (rejected, expired, over the length limit, over the delivery limit), which dead-letters it.
 * Both live here because each can cause the other (a dead letter can push its new queue over its limit).
 */
import { QUORUM_LOW_LIMIT } from './constants';
import type { RabbitEffect, RabbitStep } from './effects';
import { depth, enqueue, head, withoutHead } from './queueOrder';
import { route } from './routing';
import {
  withQueue,
  type DeathReason,
  type Message,
  type Queue,
  type QueuedMessage,
  type RabbitState,
  type XDeath,
} from './rabbitState';

type Step = RabbitStep;

/** Time to live of a message in a queue: the smaller of x-message-ttl and the message's expiration (https://www.rabbitmq.com/ttl.html). */
function expiryIn(q: Queue, m: Message, now: number): number | null {
  const ttls = [q.args.messageTtl, m.expiration].filter((t): t is number => t !== null);
  return ttls.length === 0 ? null : now + Math.min(...ttls);
}

/**
 * reject-publish. A classic queue refuses a message when it already holds x-max-length ready messages
 * (rabbit_amqqueue_process.erl maybe_deliver_or_enqueue). A 3.10 quorum queue accepts the message that
 * takes it over the limit, then refuses until it is back at 80% (rabbit_fifo.erl evaluate_limit).
 */
function refusesPublish(q: Queue): boolean {
  if (q.args.maxLength === null || q.args.overflow !== 'reject-publish') return false;
  if (q.type === 'classic') return depth(q) >= q.args.maxLength;
  return q.publishBlocked && depth(q) > Math.trunc(q.args.maxLength * QUORUM_LOW_LIMIT);
}

/** Puts one copy of `message` in each named queue (appends to streams), applying each queue's length limit. */
export function arrive(s0: RabbitState, message: Message, queues: readonly string[], now: number): Step {
  let s = s0;
  const effects: RabbitEffect[] = [];
  for (const name of queues) {
    const q = s.queues[name];
    if (!q) continue;
    if (q.type === 'stream') {
      const offset = q.log.length;
      s = withQueue(s, { ...q, log: [...q.log, { offset, message, appendedAt: now }] });
      effects.push({
        kind: 'rabbitmq-stream-appended',
        queue: name,
        messageId: message.id,
        body: message.body,
        offset,
        reason: `'${message.body}' appended to stream ${name} at offset ${offset}; a stream keeps it after consumers read it`,
      });
      continue;
    }
    if (refusesPublish(q)) {
      effects.push({
        kind: 'rabbitmq-publish-refused',
        queue: name,
        messageId: message.id,
        body: message.body,
        reason: `${name} is full (x-max-length ${q.args.maxLength}, overflow reject-publish${q.type === 'quorum' ? ': a quorum queue refuses from the moment it went over the limit until it is back at 80% of it' : ''}): '${message.body}' is not enqueued (a publisher using confirms gets a nack)`,
      });
      continue;
    }
    const entry: QueuedMessage = {
      message,
      seq: q.nextSeq,
      expiresAt: expiryIn(q, message, now),
      delivered: false,
      returns: 0,
    };
    // A message arriving in an empty classic queue is offered to the consumers straight away
    // (rabbit_amqqueue_process.erl attempt_delivery), which also ends a stall (see Queue.stalled).
    let next = enqueue(q.stalled && depth(q) === 0 ? { ...q, stalled: false } : q, entry);
    if (q.type === 'quorum' && q.args.overflow === 'reject-publish' && q.args.maxLength !== null)
      next = { ...next, publishBlocked: depth(next) > q.args.maxLength };
    s = withQueue(s, next);
    effects.push({
      kind: 'rabbitmq-enqueued',
      queue: name,
      messageId: message.id,
      body: message.body,
      depth: depth(next),
      reason: `'${message.body}' joined queue ${name} (${depth(next)} ready)`,
    });
    // drop-head: the oldest ready messages make room (rabbit_amqqueue_process.erl maybe_drop_head; rabbit_fifo.erl evaluate_limit).
    while (q.args.overflow === 'drop-head' && q.args.maxLength !== null && depth(next) > q.args.maxLength) {
      const dropped = head(next) as QueuedMessage;
      const r = deadLetter(withQueue(s, withoutHead(next)), name, dropped, 'maxlen', now);
      s = r.state;
      effects.push(...r.effects);
      next = s.queues[name] as Queue;
    }
  }
  return { state: s, effects };
}

/** The x-death header after one more death (rabbit_dead_letter.erl update_x_death_header): same queue and reason count up and move first. */
function addDeath(m: Message, queue: string, reason: DeathReason, now: number): readonly XDeath[] {
  const same = m.xDeath.find((d) => d.queue === queue && d.reason === reason);
  const others = m.xDeath.filter((d) => d !== same);
  const entry: XDeath = same
    ? { ...same, count: same.count + 1 }
    : { queue, reason, count: 1, exchange: m.exchange, routingKeys: [m.routingKey], time: now };
  return [entry, ...others];
}

/**
 * A queue that dead-letters back into a queue the message already died in, with no rejection on the way,
 * would loop forever; RabbitMQ drops it for that queue (rabbit_dead_letter.erl detect_cycles / is_cycle).
 */
function isCycle(target: string, deaths: readonly XDeath[], reason: DeathReason): boolean {
  if (reason === 'rejected') return false;
  const i = deaths.findIndex((d) => d.queue === target);
  if (i === -1) return false;
  return deaths.slice(0, i + 1).every((d) => d.reason !== 'rejected');
}

/** A message leaves `queueName` for `reason`: to the queue's dead-letter exchange if it has one, else it is gone. */
export function deadLetter(
  s: RabbitState,
  queueName: string,
  entry: QueuedMessage,
  reason: DeathReason,
  now: number,
): Step {
  const q = s.queues[queueName] as Queue;
  const m = entry.message;
  const why: Record<DeathReason, string> = {
    rejected: 'it was rejected or nacked without requeue',
    expired: 'its time to live ran out at the head of the queue',
    maxlen: `the queue went over x-max-length ${q.args.maxLength} and drops from the head`,
    delivery_limit: `it was returned more than x-delivery-limit ${q.args.deliveryLimit} times`,
  };
  const dlx = q.args.deadLetterExchange;
  if (dlx === null)
    return {
      state: s,
      effects: [
        {
          kind: 'rabbitmq-dropped',
          queue: queueName,
          messageId: m.id,
          body: m.body,
          deathReason: reason,
          reason: `'${m.body}' left ${queueName} because ${why[reason]}; the queue has no dead-letter exchange, so it is gone`,
        },
      ],
    };
  const routingKey = q.args.deadLetterRoutingKey ?? m.routingKey;
  const xDeath = addDeath(m, queueName, reason, now);
  const copy: Message = { ...m, exchange: dlx, routingKey, expiration: null, xDeath };
  const targets = s.exchanges[dlx]
    ? route(s, dlx, routingKey, m.headers).filter((t) => !isCycle(t, xDeath, reason))
    : [];
  const r = arrive(s, copy, targets, now);
  const where = !s.exchanges[dlx]
    ? `dead-letter exchange '${dlx}' does not exist, so it is dropped`
    : targets.length === 0
      ? `dead-letter exchange '${dlx}' routed key '${routingKey}' to no queue, so it is dropped`
      : `dead-lettered through '${dlx}' with key '${routingKey}' to ${targets.join(', ')} (x-death reason ${reason})`;
  return {
    state: r.state,
    effects: [
      {
        kind: 'rabbitmq-dead-lettered',
        queue: queueName,
        messageId: m.id,
        body: m.body,
        deathReason: reason,
        deadLetterExchange: dlx,
        routingKey,
        to: targets,
        reason: `'${m.body}' left ${queueName} because ${why[reason]}; ${where}`,
      },
      ...r.effects,
    ],
  };
}
