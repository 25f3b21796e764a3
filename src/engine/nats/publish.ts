/**
 * One publish: core subscribers matching the subject each get it (queue groups one member), and the
 * stream whose subjects match stores it. Without either the message is gone (at most once). A JetStream
 * publish (`ack: true`) waits for the stream's acknowledgement; with no stream listening it gets the 503
 * no-responders status, as nats.js's js.publish does.
 */
import { NO_RESPONDERS_STATUS } from './constants';
import { checkPublish, route, subscribe } from './core';
import type { NatsEffect } from './effects';
import type { NatsState } from './natsState';
import type { NatsStep } from './step';
import { storeMessage, streamFor, type PubAck } from './stream';

export interface PublishRequest {
  client: string;
  subject: string;
  data: string;
  headers?: Record<string, string>;
  reply?: string;
  /** A JetStream publish: the publisher waits for the stream's ack. */
  ack?: boolean;
}

export function publish(
  state: NatsState,
  req: PublishRequest,
  now: number,
): NatsStep & { ack: PubAck | { error: string; code: number } | null } {
  const refused = checkPublish(state, req.client, req.subject, req.data);
  if (refused) return { ...refused, ack: null };
  const routed = route(state, { subject: req.subject, data: req.data, reply: req.reply ?? null });
  const effects: NatsEffect[] = [...routed.effects];
  const stream = streamFor(routed.state, req.subject);
  if (stream) {
    const stored = storeMessage(
      routed.state,
      stream,
      { subject: req.subject, data: req.data, headers: req.headers ?? {} },
      now,
    );
    return { state: stored.state, effects: [...effects, ...stored.effects], ack: req.ack ? stored.ack : null };
  }
  if (req.ack) {
    effects.push({
      kind: 'nats-rejected',
      request: 'publish',
      error: 'no responders',
      code: NO_RESPONDERS_STATUS,
      reason: `no stream captures ${req.subject}, so nobody answers the JetStream publish: status 503 (no responders)`,
    });
    return { state: routed.state, effects, ack: { error: 'no responders', code: NO_RESPONDERS_STATUS } };
  }
  if (!routed.matched)
    effects.push({
      kind: 'nats-dropped',
      subject: req.subject,
      reason: `nobody subscribes to ${req.subject} and no stream stores it: core NATS is at most once, the message is gone`,
    });
  return { state: routed.state, effects, ack: null };
}

/**
 * Request-reply: the requester subscribes to a fresh inbox and publishes with it as the reply subject;
 * a responder answers by publishing to that inbox. With no subscriber and no stream on the subject, the
 * server answers the inbox at once with status 503 (no responders). https://docs.nats.io/nats-concepts/core-nats/reqreply
 */
export function request(
  state: NatsState,
  req: { client: string; subject: string; data: string },
  now: number,
): NatsStep & { inbox: string | null } {
  const inbox = `_INBOX.${req.client}.${state.nextId}`;
  const sub = subscribe(state, { client: req.client, subject: inbox });
  if (sub.effects[0]?.kind === 'nats-rejected') return { ...sub, inbox: null };
  const sent = publish(sub.state, { client: req.client, subject: req.subject, data: req.data, reply: inbox }, now);
  if (sent.effects.some((e) => e.kind === 'nats-rejected')) return { state, effects: sent.effects, inbox: null };
  const dropped = sent.effects.some((e) => e.kind === 'nats-dropped');
  if (!dropped) return { state: sent.state, effects: [...sub.effects, ...sent.effects], inbox };
  const answered = route(sent.state, { subject: inbox, data: '', reply: null, status: NO_RESPONDERS_STATUS });
  return {
    state: answered.state,
    effects: [...sub.effects, ...sent.effects.filter((e) => e.kind !== 'nats-dropped'), ...answered.effects],
    inbox,
  };
}
