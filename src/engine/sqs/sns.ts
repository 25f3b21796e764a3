/**
 * SNS topics fanning out to SQS queues: each subscription's filter policy decides whether it gets the
 * message; the queue receives either the JSON notification envelope or, with raw message delivery, the
 * message as published. FIFO topics keep each group's order and pass group and deduplication ids to FIFO
 * queues (not to standard queues). Delivery to the queues happens within the publish (SNS retries a
 * failed delivery; failures are not modelled).
 * https://docs.aws.amazon.com/sns/latest/dg/sns-sqs-as-subscriber.html
 * https://docs.aws.amazon.com/sns/latest/dg/sns-large-payload-raw-message-delivery.html
 * https://docs.aws.amazon.com/sns/latest/dg/fifo-message-grouping.html
 */
import { DEDUP_WINDOW_MS, FIFO_SUFFIX } from './constants';
import { evaluatePolicy, policyProblem, type FilterPolicy } from './filterPolicy';
import { rejected, sendMessage } from './queue';
import type { Attributes, SqsEffect, SqsState, SqsStep } from './types';

export function createTopic(state: SqsState, r: { name: string; contentBasedDeduplication?: boolean }): SqsStep {
  if (state.topics[r.name]) return rejected(state, `topic ${r.name} already exists`);
  const fifo = r.name.endsWith(FIFO_SUFFIX);
  if (r.contentBasedDeduplication && !fifo)
    return rejected(state, 'ContentBasedDeduplication applies only to FIFO topics');
  const topic = { name: r.name, fifo, contentBasedDeduplication: r.contentBasedDeduplication ?? false, dedup: {} };
  return {
    state: { ...state, topics: { ...state.topics, [r.name]: topic } },
    effects: [
      {
        kind: 'sns-topic-created',
        topic: r.name,
        fifo,
        reason: `${fifo ? 'FIFO' : 'standard'} topic ${r.name} created`,
      },
    ],
  };
}

export interface SubscribeRequest {
  topic: string;
  queue: string;
  raw?: boolean;
  filterPolicy?: FilterPolicy;
  filterPolicyScope?: 'MessageAttributes' | 'MessageBody';
}

export function subscribe(state: SqsState, r: SubscribeRequest): SqsStep {
  const topic = state.topics[r.topic];
  const queue = state.queues[r.queue];
  if (!topic) return rejected(state, `topic ${r.topic} does not exist`);
  if (!queue) return rejected(state, `queue ${r.queue} does not exist`);
  if (queue.fifo && !topic.fifo) return rejected(state, `FIFO queue ${r.queue} can subscribe only to a FIFO topic`);
  const scope = r.filterPolicyScope ?? 'MessageAttributes';
  const problem = r.filterPolicy ? policyProblem(r.filterPolicy, scope) : null;
  if (problem) return rejected(state, problem);
  const id = `${r.topic}:${r.queue}`;
  if (state.subscriptions.some((s) => s.id === id))
    return rejected(state, `${r.queue} is already subscribed to ${r.topic}`);
  const sub = {
    id,
    topic: r.topic,
    queue: r.queue,
    raw: r.raw ?? false,
    filterPolicy: r.filterPolicy ?? null,
    filterPolicyScope: scope,
  };
  const how = `${sub.raw ? 'raw message delivery' : 'JSON envelope'}${sub.filterPolicy ? `, filter on ${scope}` : ''}`;
  return {
    state: { ...state, subscriptions: [...state.subscriptions, sub] },
    effects: [
      {
        kind: 'sns-subscribed',
        topic: r.topic,
        queue: r.queue,
        subscriptionId: id,
        reason: `${r.queue} subscribed to ${r.topic} (${how})`,
      },
    ],
  };
}

export interface PublishRequest {
  topic: string;
  message: string;
  attributes?: Attributes;
  groupId?: string;
  dedupId?: string;
}

/** The notification envelope SNS wraps around a message for an SQS subscriber without raw delivery. */
export function envelope(
  topic: string,
  messageId: string,
  message: string,
  attributes: Attributes,
  now: number,
): string {
  const attrs = Object.fromEntries(Object.entries(attributes).map(([k, a]) => [k, { Type: a.type, Value: a.value }]));
  return JSON.stringify({
    Type: 'Notification',
    MessageId: messageId,
    TopicArn: `arn:aws:sns:us-east-1:123456789012:${topic}`,
    Message: message,
    Timestamp: new Date(now).toISOString(),
    ...(Object.keys(attrs).length > 0 ? { MessageAttributes: attrs } : {}),
  });
}

export function publish(state: SqsState, r: PublishRequest, now: number): SqsStep {
  const topic = state.topics[r.topic];
  if (!topic) return rejected(state, `topic ${r.topic} does not exist`);
  if (topic.fifo && !r.groupId) return rejected(state, 'a FIFO topic needs a MessageGroupId');
  const dedupId = topic.fifo ? (r.dedupId ?? (topic.contentBasedDeduplication ? `body:${r.message}` : null)) : null;
  if (topic.fifo && dedupId === null)
    return rejected(state, 'a FIFO topic without content-based deduplication needs a MessageDeduplicationId');
  if (dedupId !== null && (topic.dedup[dedupId] ?? -1) > now)
    return {
      state,
      effects: [
        {
          kind: 'sns-deduplicated',
          topic: topic.name,
          dedupId,
          reason: `accepted but not delivered: ${dedupId} was already published to ${topic.name} in the last 5 minutes`,
        },
      ],
    };
  const messageId = `sns-${state.nextId}`;
  const live = Object.fromEntries(Object.entries(topic.dedup).filter(([, end]) => end > now));
  const dedup = dedupId === null ? live : { ...live, [dedupId]: now + DEDUP_WINDOW_MS };
  let s: SqsState = {
    ...state,
    nextId: state.nextId + 1,
    topics: { ...state.topics, [topic.name]: { ...topic, dedup } },
  };
  const attributes = r.attributes ?? {};
  const effects: SqsEffect[] = [
    { kind: 'sns-published', topic: topic.name, messageId, reason: `${messageId} published to ${topic.name}` },
  ];
  for (const sub of s.subscriptions.filter((x) => x.topic === topic.name)) {
    if (sub.filterPolicy) {
      const verdict = evaluatePolicy(sub.filterPolicy, sub.filterPolicyScope, { body: r.message, attributes });
      if (!verdict.match) {
        effects.push({
          kind: 'sns-filtered-out',
          topic: topic.name,
          queue: sub.queue,
          messageId,
          reason: `${sub.queue} skipped: ${verdict.why}`,
        });
        continue;
      }
    }
    const fifoQueue = s.queues[sub.queue]?.fifo ?? false;
    const sent = sendMessage(
      s,
      {
        queue: sub.queue,
        body: sub.raw ? r.message : envelope(topic.name, messageId, r.message, attributes, now),
        attributes: sub.raw ? attributes : {},
        ...(fifoQueue ? { groupId: r.groupId, dedupId: dedupId ?? messageId } : {}),
      },
      now,
    );
    s = sent.state;
    effects.push(...sent.effects);
  }
  return { state: s, effects };
}
