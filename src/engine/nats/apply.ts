/**
 * One dispatcher over every NATS request, so a script of requests can be run (the differential tests
 * against nats-server and the scenario runner use it). After each request, push consumers deliver what
 * became available, as the server's delivery loop would.
 */
import { acknowledge, type AckRequest } from './acks';
import { addConsumer, deleteConsumer, type ConsumerRequest } from './consumer';
import { connect, read, subscribe, unsubscribe } from './core';
import { fetch, pushAll } from './delivery';
import type { NatsState } from './natsState';
import { publish, request, type PublishRequest } from './publish';
import type { NatsStep } from './step';
import { addStream, type StreamRequest } from './stream';
import { advanceTo } from './time';

export type NatsRequest =
  | { kind: 'connect'; client: string; maxPendingBytes?: number }
  | { kind: 'subscribe'; client: string; subject: string; queue?: string; sid?: string }
  | { kind: 'unsubscribe'; sid: string }
  | ({ kind: 'publish' } & PublishRequest)
  | { kind: 'request'; client: string; subject: string; data: string }
  | { kind: 'read'; client: string; count?: number }
  | ({ kind: 'add-stream' } & StreamRequest)
  | ({ kind: 'add-consumer' } & ConsumerRequest)
  | { kind: 'delete-consumer'; stream: string; consumer: string }
  | { kind: 'fetch'; stream: string; consumer: string; batch?: number }
  | ({ kind: 'ack' } & AckRequest)
  | { kind: 'advance' };

function dispatch(state: NatsState, req: NatsRequest, now: number): NatsStep {
  switch (req.kind) {
    case 'connect':
      return connect(state, req);
    case 'subscribe':
      return subscribe(state, req);
    case 'unsubscribe':
      return unsubscribe(state, req);
    case 'publish':
      return publish(state, req, now);
    case 'request':
      return request(state, req, now);
    case 'read':
      return read(state, req);
    case 'add-stream':
      return addStream(state, req, now);
    case 'add-consumer':
      return addConsumer(state, req, now);
    case 'delete-consumer':
      return deleteConsumer(state, req);
    case 'fetch':
      return fetch(state, req, now);
    case 'ack':
      return acknowledge(state, req, now);
    case 'advance':
      return advanceTo(state, now);
  }
}

/** Runs one request at simulated time `now`; timers due by `now` fire first (ack wait, max_age, …). */
export function apply(state: NatsState, req: NatsRequest, now: number): NatsStep {
  const timers = advanceTo(state, now);
  const step = dispatch(timers.state, req, now);
  const pushed = pushAll(step.state, now);
  return { state: pushed.state, effects: [...timers.effects, ...step.effects, ...pushed.effects] };
}
