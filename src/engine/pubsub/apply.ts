/** One dispatcher over every Pub/Sub request, so a script of requests can be run step by step. */
import { ack, modifyAckDeadline, pushResponse, type AckRequest } from './ack';
import { createSnapshot, createSubscription, createTopic, type SubscriptionOptions } from './admin';
import { advanceTo, at } from './clock';
import { pull } from './deliver';
import { publish, resumePublish, type PublishRequest } from './publish';
import { seek } from './seek';
import type { PubsubState, PubsubStep } from './types';

export type PubsubRequest =
  | { kind: 'create-topic'; name: string; retentionMs?: number }
  | ({ kind: 'create-subscription'; name: string; topic: string } & SubscriptionOptions)
  | ({ kind: 'publish' } & PublishRequest)
  | { kind: 'resume-publish'; publisher?: string; orderingKey: string }
  | { kind: 'pull'; subscription: string; consumer: string; max?: number }
  | ({ kind: 'ack' } & AckRequest)
  | { kind: 'nack'; subscription: string; ackId: string }
  | { kind: 'modify-ack-deadline'; subscription: string; ackId: string; deadlineMs: number }
  | { kind: 'push-response'; subscription: string; ackId: string; status: number }
  | { kind: 'create-snapshot'; name: string; subscription: string }
  | { kind: 'seek'; subscription: string; time?: number; snapshot?: string }
  | { kind: 'advance' };

export function apply(state: PubsubState, request: PubsubRequest, now: number): PubsubStep {
  switch (request.kind) {
    case 'create-topic':
      return at(state, now, (s) => createTopic(s, request));
    case 'create-subscription':
      return at(state, now, (s) => createSubscription(s, request, now));
    case 'publish':
      return at(state, now, (s) => publish(s, request, now));
    case 'resume-publish':
      return at(state, now, (s) => resumePublish(s, request));
    case 'pull':
      return at(state, now, (s) => pull(s, request, now));
    case 'ack':
      return at(state, now, (s) => ack(s, request, now));
    case 'nack':
      return at(state, now, (s) => modifyAckDeadline(s, { ...request, deadlineMs: 0 }, now));
    case 'modify-ack-deadline':
      return at(state, now, (s) => modifyAckDeadline(s, request, now));
    case 'push-response':
      return at(state, now, (s) => pushResponse(s, request, now));
    case 'create-snapshot':
      return at(state, now, (s) => createSnapshot(s, request, now));
    case 'seek':
      return at(state, now, (s) => seek(s, request, now));
    case 'advance':
      return advanceTo(state, now);
  }
}
