/**
 * Delivering ready messages to consumers, run after every operation that could change who can take what.
 *
 * Consumers take turns (rabbit_queue_consumers.erl deliver/…; rabbit_fifo.erl service_queue): the next
 * consumer in the round gets the head message and goes to the back of the round; a consumer whose
 * prefetch is used up leaves the round and rejoins at the back once an ack or nack makes room. With
 * single active consumer only the first registered consumer gets messages. An expired message at the
 * head is never delivered: it is dead-lettered (or dropped) first.
 */
import { deadLetter } from './arrival';
import type { RabbitEffect, RabbitStep } from './effects';
import { head, withoutHead } from './queueOrder';
import {
  hasRoom,
  withChannel,
  withQueue,
  type Channel,
  type Consumer,
  type Queue,
  type QueuedMessage,
  type RabbitState,
} from './rabbitState';

type Step = RabbitStep;

/** Consumers that were full and have room again rejoin the round at the back. */
function unblock(s: RabbitState): RabbitState {
  let out = s;
  for (const q of Object.values(s.queues)) {
    const back = q.blocked.filter((t) => s.consumers[t] && hasRoom(s, s.consumers[t] as Consumer));
    if (back.length > 0)
      out = withQueue(out, {
        ...q,
        blocked: q.blocked.filter((t) => !back.includes(t)),
        serviceOrder: [...q.serviceOrder, ...back],
        stalled: false,
      });
  }
  return out;
}

/** The consumer that gets the next message, with the queue's round updated; null when none can take it. */
function nextConsumer(s: RabbitState, q: Queue): { queue: Queue; consumer: Consumer } | null {
  if (q.args.singleActiveConsumer) {
    const active = q.consumers[0] ? s.consumers[q.consumers[0]] : undefined;
    return active && hasRoom(s, active) ? { queue: q, consumer: active } : null;
  }
  let order = [...q.serviceOrder];
  const blocked = [...q.blocked];
  while (order.length > 0) {
    const tag = order[0] as string;
    const c = s.consumers[tag] as Consumer;
    if (hasRoom(s, c)) return { queue: { ...q, serviceOrder: [...order.slice(1), tag], blocked }, consumer: c };
    order = order.slice(1);
    blocked.push(tag);
  }
  return null;
}

/** Hands `entry` to consumer `c`, or to basic.get on `channel` when `c` is null (then `getNoAck` says how). */
export function handOver(
  s: RabbitState,
  queue: string,
  entry: QueuedMessage,
  c: Consumer | null,
  channel: Channel,
  now: number,
  offset: number | null,
  getNoAck = false,
): Step {
  const q = s.queues[queue] as Queue;
  const noAck = c?.noAck ?? getNoAck;
  const tag = channel.nextDeliveryTag;
  const redelivered = q.type === 'quorum' ? entry.returns > 0 : q.type === 'classic' ? entry.delivered : false;
  const held = { ...entry, delivered: true };
  const ch: Channel = {
    ...channel,
    nextDeliveryTag: tag + 1,
    unacked: noAck
      ? channel.unacked
      : [
          ...channel.unacked,
          { deliveryTag: tag, queue, consumerTag: c?.tag ?? null, entry: held, deliveredAt: now, offset },
        ],
  };
  const who = c ? `consumer ${c.tag}` : `basic.get on channel ${channel.id}`;
  const why = redelivered
    ? q.type === 'quorum'
      ? `redelivered: it came back to quorum queue ${queue} ${entry.returns} time(s) (x-delivery-count ${entry.returns})`
      : `redelivered: ${queue} delivered it before and it came back unacknowledged`
    : offset !== null
      ? `read from stream ${queue} at offset ${offset}`
      : `first delivery from ${queue}`;
  const effect: RabbitEffect = {
    kind: 'rabbitmq-delivered',
    queue,
    channel: channel.id,
    consumerTag: c?.tag ?? null,
    deliveryTag: tag,
    messageId: entry.message.id,
    body: entry.message.body,
    redelivered,
    // A quorum consumer sees x-delivery-count once a message was returned; basic.get always carries it,
    // 0 included (rabbit_fifo_client.erl deliver vs dequeue, v3.10.8).
    deliveryCount: q.type === 'quorum' && (c === null || entry.returns > 0) ? entry.returns : null,
    offset,
    xDeath: entry.message.xDeath.map((d) => ({
      queue: d.queue,
      reason: d.reason,
      count: d.count,
      exchange: d.exchange,
      routingKeys: [...d.routingKeys],
    })),
    reason: `'${entry.message.body}' to ${who} as delivery tag ${tag}: ${why}${noAck ? ' (no-ack: it counts as acknowledged once sent)' : ''}`,
  };
  return { state: withChannel(s, ch), effects: [effect] };
}

function dispatchStream(s0: RabbitState, q: Queue, now: number): Step {
  let s = s0;
  const effects: RabbitEffect[] = [];
  for (const tag of q.consumers) {
    let c = s.consumers[tag] as Consumer;
    while (c.streamNext !== null && c.streamNext < q.log.length && hasRoom(s, c)) {
      const e = q.log[c.streamNext]!;
      const entry: QueuedMessage = { message: e.message, seq: e.offset, expiresAt: null, delivered: false, returns: 0 };
      const r = handOver(s, q.name, entry, c, s.channels[c.channel] as Channel, now, e.offset);
      c = { ...c, streamNext: c.streamNext + 1 };
      s = { ...r.state, consumers: { ...r.state.consumers, [tag]: c } };
      effects.push(...r.effects);
    }
  }
  return { state: s, effects };
}

/** Delivers everything that can be delivered now, queue by queue. */
export function dispatch(s0: RabbitState, now: number): Step {
  let s = unblock(s0);
  const effects: RabbitEffect[] = [];
  for (const name of Object.keys(s.queues)) {
    if ((s.queues[name] as Queue).type === 'stream') {
      const r = dispatchStream(s, s.queues[name] as Queue, now);
      s = r.state;
      effects.push(...r.effects);
      continue;
    }
    for (;;) {
      const q = s.queues[name] as Queue;
      const h = head(q);
      if (!h) break;
      if (h.expiresAt !== null && now >= h.expiresAt) {
        const r = deadLetter(withQueue(s, withoutHead(q)), name, h, 'expired', now);
        s = r.state;
        effects.push(...r.effects);
        continue;
      }
      if (q.stalled) break;
      const pick = nextConsumer(s, q);
      if (!pick) {
        // Those tried and full wait in `blocked`; with single active consumer only the active one is tried.
        const tried = q.args.singleActiveConsumer ? q.consumers.slice(0, 1) : q.serviceOrder;
        const blocked = [...q.blocked, ...tried.filter((t) => !q.blocked.includes(t))];
        s = withQueue(s, { ...q, serviceOrder: q.serviceOrder.filter((t) => !tried.includes(t)), blocked });
        break;
      }
      const r = handOver(
        withQueue(s, withoutHead(pick.queue)),
        name,
        h,
        pick.consumer,
        s.channels[pick.consumer.channel] as Channel,
        now,
        null,
      );
      s = leaveRoundWhenFull(r.state, name, pick.consumer);
      effects.push(...r.effects);
    }
  }
  return { state: s, effects };
}

/**
 * A quorum queue takes a consumer out of its round as soon as its credit (prefetch) is used up, and puts
 * it back at the end when an ack or nack returns credit (rabbit_fifo.erl checkout_one / update_or_remove_sub,
 * v3.10.8). A classic queue leaves it in the round until it is next tried (rabbit_queue_consumers.erl).
 */
function leaveRoundWhenFull(s: RabbitState, queue: string, c: Consumer): RabbitState {
  const q = s.queues[queue] as Queue;
  if (q.type !== 'quorum' || hasRoom(s, c) || !q.serviceOrder.includes(c.tag)) return s;
  return withQueue(s, {
    ...q,
    serviceOrder: q.serviceOrder.filter((t) => t !== c.tag),
    blocked: [...q.blocked, c.tag],
  });
}
