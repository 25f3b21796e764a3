/**
 * What happens after a failed delivery attempt (a nack, or an ack deadline that ran out): the message is
 * delivered again — after the retry policy's backoff, if one is set — or, once it has had
 * `maxDeliveryAttempts`, forwarded to the dead-letter topic. On an ordered subscription, redelivering a
 * message also redelivers every later message with its ordering key, acknowledged ones included.
 * https://cloud.google.com/pubsub/docs/handling-failures
 * https://cloud.google.com/pubsub/docs/dead-letter-topics
 * https://cloud.google.com/pubsub/docs/ordering
 */
import { withSub } from './admin';
import { fanOut } from './publish';
import type { Held, PubsubEffect, PubsubState, Subscription } from './types';

/** Acked messages a subscription no longer needs: not retained, and not waiting on an earlier one of their key. */
export function compact(sub: Subscription): Subscription {
  if (sub.retainAcked) return sub;
  const open = new Set<string>();
  const held = sub.held.filter((h) => {
    const key = sub.ordering ? h.msg.orderingKey : null;
    if (!h.acked) {
      if (key !== null) open.add(key);
      return true;
    }
    return key !== null && open.has(key); // may still be redelivered with an earlier message of its key
  });
  return held.length === sub.held.length ? sub : { ...sub, held };
}

const backoff = (sub: Subscription, deliveries: number): number =>
  sub.retry ? Math.min(sub.retry.maxBackoffMs, sub.retry.minBackoffMs * 2 ** Math.max(deliveries - 1, 0)) : 0;

/** The message `messageId` of `subName` failed an attempt at `now` (`why` says how). */
export function failedAttempt(
  state: PubsubState,
  subName: string,
  messageId: string,
  now: number,
  effects: PubsubEffect[],
): PubsubState {
  const sub = state.subscriptions[subName]!;
  const at = sub.held.findIndex((h) => h.msg.messageId === messageId);
  const h = sub.held[at]!;
  const dl = sub.deadLetter;
  if (dl && h.deliveries >= dl.maxDeliveryAttempts) {
    effects.push({
      kind: 'pubsub-dead-lettered',
      subscription: sub.name,
      messageId,
      deadLetterTopic: dl.topic,
      reason: `${messageId} forwarded to ${dl.topic} after ${h.deliveries} delivery attempts (maxDeliveryAttempts ${dl.maxDeliveryAttempts}) and acknowledged in ${sub.name}`,
    });
    const forwarded = {
      ...h.msg,
      attributes: {
        ...h.msg.attributes,
        CloudPubSubDeadLetterSourceSubscription: sub.name,
        CloudPubSubDeadLetterSourceDeliveryCount: String(h.deliveries),
      },
    };
    const s = withSub(
      state,
      compact({ ...sub, held: sub.held.map((x, i) => (i === at ? { ...x, acked: true, deadline: null } : x)) }),
    );
    return fanOut(s, dl.topic, forwarded, effects);
  }
  const availableAt = now + backoff(sub, h.deliveries);
  const again = (x: Held): Held => ({ ...x, acked: false, deadline: null, availableAt });
  const key = sub.ordering ? h.msg.orderingKey : null;
  const held = sub.held.map((x, i) => {
    if (i === at) return again(x);
    if (i > at && key !== null && x.msg.orderingKey === key && (x.acked || x.deadline !== null)) {
      effects.push({
        kind: 'pubsub-redelivery-forced',
        subscription: sub.name,
        messageId: x.msg.messageId,
        orderingKey: key,
        reason: `${x.msg.messageId} will be delivered again${x.acked ? ' although it was acknowledged' : ''}: ${messageId} before it in ordering key ${key} is being redelivered, and everything after it follows`,
      });
      return again(x);
    }
    return x;
  });
  return withSub(state, { ...sub, held });
}
