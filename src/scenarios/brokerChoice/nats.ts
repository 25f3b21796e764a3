/**
 * The story on NATS JetStream 2.9.10 (src/engine/nats), through its `apply()` only: a stream `ORDERS`
 * capturing `orders.>` (subject orders.<order id>.<event type>), limits retention with a 7-day max_age,
 * one durable pull consumer per service with explicit acks, 30 s ack wait and max_deliver 3. JetStream
 * has no dead-letter queue: after max_deliver the consumer stops delivering the message.
 */
import { apply, createNats, type NatsEffect, type NatsRequest, type NatsState } from '../../engine/nats';
import { BeatRecorder, playStory } from './recorder';
import { drainPull, playPullBeat, type PullRun } from './pullBeats';
import {
  BATCH,
  DAY,
  eventByLabel,
  fails,
  NEW_SERVICE,
  POISON_ROUND_MS,
  POISON_ROUNDS,
  REPLAY_WINDOW_MS,
  SERVICES,
  type Beat,
  type Service,
} from './story';
import type { Delivery, ProfileRun } from './types';

const STREAM = 'ORDERS';
const MAX_DELIVER = 3;
const MAX_AGE_MS = 7 * DAY;

type Got = Extract<NatsEffect, { kind: 'nats-js-delivered' }>;

class NatsRun implements PullRun<Got> {
  s: NatsState = createNats({ seed: 1 });
  rec = new BeatRecorder('setup');

  do(r: NatsRequest, now: number): NatsEffect[] {
    const step = apply(this.s, r, now);
    this.s = step.state;
    this.rec.note(step.effects);
    for (const e of step.effects)
      if (e.kind === 'nats-max-deliver') {
        const m = this.s.streams[e.stream]!.messages.find((x) => x.seq === e.seq)!;
        this.rec.gaveUp.push({
          service: e.consumer,
          eventId: eventByLabel(m.data).id,
          deadLetter: null,
          reason: e.reason,
        });
      }
    return step.effects;
  }

  take(service: Service, now: number, batch = BATCH): Got[] {
    const got = this.do({ kind: 'fetch', stream: STREAM, consumer: service, batch }, now);
    return got.filter((e): e is Got => e.kind === 'nats-js-delivered');
  }

  record(service: Service, d: Got, outcome: Delivery['outcome']) {
    const event = eventByLabel(d.data);
    this.rec.deliveries.push({
      service,
      eventId: event.id,
      label: event.label,
      outcome,
      detail: `stream seq ${d.seq}, delivery count ${d.deliveryCount}${d.redelivered ? ', redelivered' : ''}`,
    });
  }

  finish(service: Service, got: readonly Got[], now: number) {
    for (const d of got) {
      const failed = fails(service, eventByLabel(d.data));
      this.record(service, d, failed ? 'failed' : 'processed');
      this.do({ kind: 'ack', ackReply: d.ackReply, type: failed ? 'nak' : 'ack' }, now);
    }
  }

  drain(service: Service, now: number, limit = Infinity) {
    drainPull(this, service, now, limit);
  }

  addConsumer(service: Service, now: number, extra: Partial<Extract<NatsRequest, { kind: 'add-consumer' }>> = {}) {
    this.do(
      {
        kind: 'add-consumer',
        stream: STREAM,
        name: service,
        durable: true,
        ackPolicy: 'explicit',
        maxDeliver: MAX_DELIVER,
        ...extra,
      },
      now,
    );
  }
}

function beat(run: NatsRun, b: Beat) {
  const t = b.at;
  for (const e of b.publish)
    run.do(
      { kind: 'publish', client: 'order-service', subject: `orders.${e.order}.${e.type}`, data: e.label, ack: true },
      t,
    );
  if (playPullBeat(run, b.id, t)) return;
  switch (b.id) {
    case 'setup':
      run.do({ kind: 'connect', client: 'order-service' }, t);
      run.do({ kind: 'add-stream', name: STREAM, subjects: ['orders.>'], maxAgeMs: MAX_AGE_MS }, t);
      for (const x of SERVICES) run.addConsumer(x, t);
      return;
    case 'poison':
      run.drain('shipping', t);
      run.drain('analytics', t);
      for (let i = 0; i < POISON_ROUNDS; i++) run.drain('billing', t + i * POISON_ROUND_MS);
      return;
    case 'replay':
      run.addConsumer(NEW_SERVICE, t, { deliverPolicy: 'by_start_time', optStartTime: t - REPLAY_WINDOW_MS });
      run.drain(NEW_SERVICE, t);
      return;
  }
}

export function runNats(): ProfileRun {
  const run = new NatsRun();
  const steps = playStory(run, beat);
  const stream = run.s.streams[STREAM]!;
  const consumers = Object.keys(stream.consumers).sort();
  return {
    profile: 'nats',
    name: 'NATS JetStream',
    version: 'nats-server 2.9.10',
    steps,
    facts: {
      fanOut: `one stream '${STREAM}' (${stream.config.retention} retention) stores each message once; one durable consumer per service (${consumers.join(', ')}) reads it at its own pace`,
      retention: `${stream.config.maxAgeMs / DAY} days (max_age), acknowledged or not`,
      replayHow: `a new durable consumer '${NEW_SERVICE}' with deliver policy by_start_time 7 days back`,
    },
  };
}
