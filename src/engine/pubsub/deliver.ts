/**
 * Delivery: a pull hands out waiting messages; a push subscription sends each waiting message to its
 * endpoint as soon as it can. On an ordered subscription a key with a message outstanding waits, so a
 * key's messages are delivered in publish order. Each delivery gets a new ack id and an ack deadline.
 * https://cloud.google.com/pubsub/docs/pull
 * https://cloud.google.com/pubsub/docs/push
 * https://cloud.google.com/pubsub/docs/ordering
 */
import { rejected, withSub } from './admin';
import { DEFAULT_PULL_MAX } from './constants';
import type { Held, PubsubEffect, PubsubState, PubsubStep, Subscription } from './types';

/** Indexes of the messages that can be delivered now, in publish order. */
function deliverable(sub: Subscription, now: number, max: number): number[] {
  const blocked = new Set<string>();
  if (sub.ordering)
    for (const h of sub.held) if (h.deadline !== null && h.msg.orderingKey !== null) blocked.add(h.msg.orderingKey);
  const out: number[] = [];
  sub.held.forEach((h, i) => {
    if (out.length >= max || h.acked || h.deadline !== null) return;
    const key = sub.ordering ? h.msg.orderingKey : null;
    if (key !== null && blocked.has(key)) return;
    if (h.availableAt > now) {
      if (key !== null) blocked.add(key); // a later message of the key must not overtake it
      return;
    }
    out.push(i);
  });
  return out;
}

function deliver(state: PubsubState, sub: Subscription, consumer: string, max: number, now: number): PubsubStep {
  const picks = new Set(deliverable(sub, now, max));
  if (picks.size === 0) return { state, effects: [] };
  const effects: PubsubEffect[] = [];
  const held = sub.held.map((h, i): Held => {
    if (!picks.has(i)) return h;
    const deliveries = h.deliveries + 1;
    const ackId = `${sub.name}/${h.msg.messageId}#${deliveries}`;
    const again = deliveries > 1 ? ` (delivery attempt ${deliveries}: a redelivery)` : '';
    effects.push({
      kind: 'pubsub-delivered',
      subscription: sub.name,
      consumer,
      messageId: h.msg.messageId,
      ackId,
      deliveryAttempt: deliveries,
      orderingKey: h.msg.orderingKey,
      push: sub.push !== null,
      reason: `${sub.push ? `pushed to ${sub.push}` : `${consumer} pulled`} message ${h.msg.messageId}${again}; ack within ${sub.ackDeadlineMs / 1000} s or it comes back`,
    });
    return { ...h, deliveries, ackId, deadline: now + sub.ackDeadlineMs };
  });
  return { state: withSub(state, { ...sub, held }), effects };
}

export function pull(
  state: PubsubState,
  r: { subscription: string; consumer: string; max?: number },
  now: number,
): PubsubStep {
  const sub = state.subscriptions[r.subscription];
  if (!sub) return rejected(state, `subscription ${r.subscription} does not exist`);
  if (sub.push) return rejected(state, `${sub.name} is a push subscription: Pub/Sub sends its messages to ${sub.push}`);
  const got = deliver(state, sub, r.consumer, r.max ?? DEFAULT_PULL_MAX, now);
  if (got.effects.length > 0) return got;
  return {
    state,
    effects: [
      {
        kind: 'pubsub-pull-empty',
        subscription: sub.name,
        consumer: r.consumer,
        reason: `${r.consumer}'s pull on ${sub.name} returned no messages`,
      },
    ],
  };
}

/** Push subscriptions send every message they can deliver now. */
export function servePush(state: PubsubState, now: number): PubsubStep {
  let s = state;
  const effects: PubsubEffect[] = [];
  for (const sub of Object.values(state.subscriptions)) {
    if (!sub.push) continue;
    const got = deliver(s, s.subscriptions[sub.name]!, sub.push, Number.MAX_SAFE_INTEGER, now);
    s = got.state;
    effects.push(...got.effects);
  }
  return { state: s, effects };
}
