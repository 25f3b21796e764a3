/**
 * Acknowledge, nack (ModifyAckDeadline 0), extend the deadline, and a push endpoint's answer.
 * Without exactly-once delivery an ack is best effort: Pub/Sub takes any ack id of a still-unacked message,
 * and an ack that never arrives is not reported (the message just comes back). With exactly-once delivery,
 * only the latest ack id, within its deadline, succeeds; a failed ack is reported to the subscriber.
 * https://cloud.google.com/pubsub/docs/exactly-once-delivery
 * https://cloud.google.com/pubsub/docs/lease-management
 */
import { rejected, withSub } from './admin';
import { MAX_MODIFY_DEADLINE_MS, PUSH_SUCCESS_CODES } from './constants';
import { compact, failedAttempt } from './redeliver';
import type { Held, PubsubEffect, PubsubState, PubsubStep, Subscription } from './types';

function find(sub: Subscription, ackId: string): Held | undefined {
  const id = ackId.slice(sub.name.length + 1, ackId.lastIndexOf('#'));
  return sub.held.find((h) => h.msg.messageId === id);
}

/** Why an exactly-once subscription refuses this ack id now, or null. */
function eodProblem(h: Held | undefined, ackId: string, now: number): string | null {
  if (!h || h.acked) return `${ackId} refers to no unacknowledged message`;
  if (h.ackId !== ackId)
    return `${ackId} is not the latest ack id (${h.ackId}); only the latest delivery can be acknowledged`;
  if (h.deadline === null || h.deadline <= now) return `the ack deadline of ${ackId} has passed`;
  return null;
}

export interface AckRequest {
  subscription: string;
  ackId: string;
  /** Simulates an ack request that never reaches Pub/Sub (a network failure). */
  lost?: boolean;
}

export function ack(state: PubsubState, r: AckRequest, now: number): PubsubStep {
  const sub = state.subscriptions[r.subscription];
  if (!sub) return rejected(state, `subscription ${r.subscription} does not exist`);
  const h = find(sub, r.ackId);
  const fail = (why: string): PubsubStep => ({
    state,
    effects: [
      {
        kind: 'pubsub-ack-failed',
        subscription: sub.name,
        ackId: r.ackId,
        reason: `the ack failed and the subscriber is told so: ${why}`,
      },
    ],
  });
  if (sub.exactlyOnce) {
    if (r.lost) return fail('the request did not reach Pub/Sub; retry it before the deadline, or expect a redelivery');
    const why = eodProblem(h, r.ackId, now);
    if (why) return fail(why);
  } else if (r.lost) {
    return {
      state,
      effects: [
        {
          kind: 'pubsub-ack-lost',
          subscription: sub.name,
          ackId: r.ackId,
          reason: `the ack of ${r.ackId} never reached Pub/Sub and nobody is told: the message will be delivered again after its deadline (a duplicate)`,
        },
      ],
    };
  }
  if (!h || h.acked)
    return {
      state,
      effects: [
        {
          kind: 'pubsub-acked',
          subscription: sub.name,
          messageId: r.ackId.slice(sub.name.length + 1, r.ackId.lastIndexOf('#')),
          reason: `${r.ackId}: the message is no longer waiting for an ack (already acknowledged or gone); nothing changes`,
        },
      ],
    };
  const late =
    !sub.exactlyOnce && (h.ackId !== r.ackId || h.deadline === null)
      ? ' (a late or stale ack id, taken on a best-effort basis)'
      : '';
  const held = sub.held.map((x) => (x === h ? { ...x, acked: true, deadline: null } : x));
  return {
    state: withSub(state, compact({ ...sub, held })),
    effects: [
      {
        kind: 'pubsub-acked',
        subscription: sub.name,
        messageId: h.msg.messageId,
        reason: `message ${h.msg.messageId} acknowledged in ${sub.name}${late}`,
      },
    ],
  };
}

/** ModifyAckDeadline: 0 is a nack (deliver again now, or after the retry policy's backoff); otherwise extend from now. */
export function modifyAckDeadline(
  state: PubsubState,
  r: { subscription: string; ackId: string; deadlineMs: number },
  now: number,
): PubsubStep {
  const sub = state.subscriptions[r.subscription];
  if (!sub) return rejected(state, `subscription ${r.subscription} does not exist`);
  if (r.deadlineMs < 0 || r.deadlineMs > MAX_MODIFY_DEADLINE_MS)
    return rejected(state, 'the ack deadline of a ModifyAckDeadline must be 0–600 s');
  const h = find(sub, r.ackId);
  const why = sub.exactlyOnce
    ? eodProblem(h, r.ackId, now)
    : !h || h.deadline === null
      ? `${r.ackId} is not outstanding`
      : null;
  if (why || !h) return rejected(state, why ?? `${r.ackId} is not outstanding`);
  const effects: PubsubEffect[] = [];
  if (r.deadlineMs === 0) {
    effects.push({
      kind: 'pubsub-nacked',
      subscription: sub.name,
      messageId: h.msg.messageId,
      reason: `message ${h.msg.messageId} nacked: it will be delivered again`,
    });
    return { state: failedAttempt(state, sub.name, h.msg.messageId, now, effects), effects };
  }
  const deadline = now + r.deadlineMs;
  const held = sub.held.map((x) => (x === h ? { ...x, deadline } : x));
  effects.push({
    kind: 'pubsub-deadline-extended',
    subscription: sub.name,
    messageId: h.msg.messageId,
    deadline,
    reason: `message ${h.msg.messageId} stays leased ${r.deadlineMs / 1000} s from now`,
  });
  return { state: withSub(state, { ...sub, held }), effects };
}

/** A push endpoint's HTTP answer: a success code acknowledges, anything else is a nack. */
export function pushResponse(
  state: PubsubState,
  r: { subscription: string; ackId: string; status: number },
  now: number,
): PubsubStep {
  if (PUSH_SUCCESS_CODES.includes(r.status)) {
    const step = ack(state, { subscription: r.subscription, ackId: r.ackId }, now);
    return step;
  }
  const step = modifyAckDeadline(state, { subscription: r.subscription, ackId: r.ackId, deadlineMs: 0 }, now);
  return {
    state: step.state,
    effects: step.effects.map((e) =>
      e.kind === 'pubsub-nacked' ? { ...e, reason: `the endpoint answered HTTP ${r.status}: ${e.reason}` } : e,
    ),
  };
}
