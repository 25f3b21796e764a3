/** One dispatcher over every SQS/SNS request, so a script of requests can be run step by step. */
import { advanceTo, at } from './clock';
import { changeMessageVisibility, deleteMessage, receiveMessage, type ReceiveRequest } from './consume';
import { createQueue, sendMessage, type QueueOptions, type SendRequest } from './queue';
import { createTopic, publish, subscribe, type PublishRequest, type SubscribeRequest } from './sns';
import type { SqsState, SqsStep } from './types';

export type SqsRequest =
  | ({ kind: 'create-queue'; name: string } & QueueOptions)
  | ({ kind: 'send' } & SendRequest)
  | ({ kind: 'receive' } & ReceiveRequest)
  | { kind: 'delete'; queue: string; receiptHandle: string }
  | { kind: 'change-visibility'; queue: string; receiptHandle: string; visibilityTimeoutMs: number }
  | { kind: 'create-topic'; name: string; contentBasedDeduplication?: boolean }
  | ({ kind: 'subscribe' } & SubscribeRequest)
  | ({ kind: 'publish' } & PublishRequest)
  | { kind: 'advance' };

/** SendMessage at `now` (the clock advanced first; a waiting long poll gets the message at once). */
export const send = (state: SqsState, r: SendRequest, now: number): SqsStep =>
  at(state, now, (s) => sendMessage(s, r, now));

/** Publish to an SNS topic at `now`. */
export const publishAt = (state: SqsState, r: PublishRequest, now: number): SqsStep =>
  at(state, now, (s) => publish(s, r, now));

export function apply(state: SqsState, request: SqsRequest, now: number): SqsStep {
  switch (request.kind) {
    case 'create-queue':
      return at(state, now, (s) => createQueue(s, request));
    case 'send':
      return send(state, request, now);
    case 'receive':
      return receiveMessage(state, request, now);
    case 'delete':
      return deleteMessage(state, request, now);
    case 'change-visibility':
      return changeMessageVisibility(state, request, now);
    case 'create-topic':
      return at(state, now, (s) => createTopic(s, request));
    case 'subscribe':
      return at(state, now, (s) => subscribe(s, request));
    case 'publish':
      return publishAt(state, request, now);
    case 'advance':
      return advanceTo(state, now);
  }
}
