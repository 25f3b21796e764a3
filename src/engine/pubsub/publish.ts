/**
 * Publishing: a message goes to every subscription that exists when it is published (and passes its
 * filter; one that does not is acknowledged automatically); a topic with retention also keeps it for
 * seeking. With an ordering key, a failed publish pauses that key in the publisher until resumePublish.
 * https://cloud.google.com/pubsub/docs/publisher
 * https://cloud.google.com/pubsub/docs/ordering
 * https://cloud.google.com/pubsub/docs/subscription-message-filter
 */
import { rejected, withSub } from './admin';
import { matchesFilter } from './filter';
import type { Held, PsMessage, PubsubEffect, PubsubState, PubsubStep } from './types';

export const fresh = (msg: PsMessage, now: number): Held => ({
  msg,
  acked: false,
  deliveries: 0,
  ackId: null,
  deadline: null,
  availableAt: now,
});

/** Hands a stored message to the topic's log (if retained) and to each subscription. */
export function fanOut(state: PubsubState, topicName: string, msg: PsMessage, effects: PubsubEffect[]): PubsubState {
  const topic = state.topics[topicName]!;
  let s = state;
  if (topic.retentionMs !== null)
    s = { ...s, topics: { ...s.topics, [topic.name]: { ...topic, log: [...topic.log, msg] } } };
  // a snapshot also retains what is published after it (replay-overview)
  for (const snap of Object.values(s.snapshots)) {
    const filter = s.subscriptions[snap.subscription]?.filter;
    if (snap.topic === topicName && (!filter || matchesFilter(filter, msg.attributes)))
      s = { ...s, snapshots: { ...s.snapshots, [snap.name]: { ...snap, unacked: [...snap.unacked, msg] } } };
  }
  const subs = Object.values(s.subscriptions).filter((x) => x.topic === topicName);
  for (const sub of subs) {
    if (sub.filter && !matchesFilter(sub.filter, msg.attributes)) {
      effects.push({
        kind: 'pubsub-filtered',
        subscription: sub.name,
        messageId: msg.messageId,
        reason: `${sub.name} does not get ${msg.messageId}: it fails the filter ${sub.filter} and is acknowledged automatically`,
      });
      continue;
    }
    s = withSub(s, { ...sub, held: [...sub.held, fresh(msg, msg.publishTime)] });
  }
  return s;
}

export interface PublishRequest {
  topic: string;
  data: string;
  attributes?: Readonly<Record<string, string>>;
  orderingKey?: string;
  /** The publisher client (ordering keys pause per publisher). */
  publisher?: string;
  /** Simulates a publish that fails (e.g. the request times out): nothing is stored. */
  fail?: boolean;
}

export function publish(state: PubsubState, r: PublishRequest, now: number): PubsubStep {
  if (!state.topics[r.topic]) return rejected(state, `topic ${r.topic} does not exist`);
  const publisher = r.publisher ?? 'publisher';
  const key = r.orderingKey ?? null;
  const pausedId = `${publisher}/${key}`;
  if (key !== null && state.paused.includes(pausedId))
    return rejected(
      state,
      `${publisher} paused ordering key ${key} after a failed publish: call resumePublish first, so later messages cannot overtake the failed one`,
    );
  if (r.fail) {
    const paused = key !== null ? [...state.paused, pausedId] : state.paused;
    const then = key !== null ? `; ${publisher} pauses ordering key ${key} until resumePublish` : '';
    return {
      state: { ...state, paused },
      effects: [
        {
          kind: 'pubsub-publish-failed',
          topic: r.topic,
          orderingKey: key,
          reason: `the publish to ${r.topic} failed${then}`,
        },
      ],
    };
  }
  const msg: PsMessage = {
    messageId: String(state.nextId),
    data: r.data,
    attributes: r.attributes ?? {},
    orderingKey: key,
    publishTime: now,
  };
  const effects: PubsubEffect[] = [];
  const s = fanOut({ ...state, nextId: state.nextId + 1 }, r.topic, msg, effects);
  const subs = Object.values(s.subscriptions).filter((x) => x.topic === r.topic).length;
  const lost =
    subs === 0 && s.topics[r.topic]!.retentionMs === null
      ? ' — no subscription and no topic retention: nobody will ever see it'
      : '';
  effects.unshift({
    kind: 'pubsub-published',
    topic: r.topic,
    messageId: msg.messageId,
    orderingKey: key,
    reason: `message ${msg.messageId}${key ? ` (ordering key ${key})` : ''} published to ${r.topic}${lost}`,
  });
  return { state: s, effects };
}

export function resumePublish(state: PubsubState, r: { publisher?: string; orderingKey: string }): PubsubStep {
  const publisher = r.publisher ?? 'publisher';
  const id = `${publisher}/${r.orderingKey}`;
  if (!state.paused.includes(id)) return rejected(state, `ordering key ${r.orderingKey} is not paused`);
  return {
    state: { ...state, paused: state.paused.filter((p) => p !== id) },
    effects: [
      {
        kind: 'pubsub-publish-resumed',
        publisher,
        orderingKey: r.orderingKey,
        reason: `${publisher} may publish with ordering key ${r.orderingKey} again`,
      },
    ],
  };
}
