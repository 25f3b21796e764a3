/**
 * The story on Google Cloud Pub/Sub (src/engine/pubsub), through its `apply()` only: a topic `orders`
 * with 7-day topic retention (off by default; set so the new service can seek back), one pull
 * subscription per service with message ordering on (ordering key = order id), the default 10 s ack
 * deadline; billing's subscription dead-letters to `orders-dead-letter` after 5 delivery attempts.
 */
import { apply, createPubsub, type PubsubEffect, type PubsubRequest, type PubsubState } from '../../engine/pubsub';
import { BeatRecorder, playStory } from './recorder';
import { drainPull, playPullBeat, type PullRun } from './pullBeats';
import {
  BATCH,
  DAY,
  eventById,
  fails,
  NEW_SERVICE,
  POISON_ROUNDS,
  REPLAY_WINDOW_MS,
  SERVICES,
  type Beat,
  type Service,
} from './story';
import type { Delivery, ProfileRun } from './types';

const TOPIC = 'orders';
const DEAD_LETTER_TOPIC = 'orders-dead-letter';
const MAX_DELIVERY_ATTEMPTS = 5;
const TOPIC_RETENTION_MS = 7 * DAY;

type Got = Extract<PubsubEffect, { kind: 'pubsub-delivered' }>;

class PubsubRun implements PullRun<Got> {
  s: PubsubState = createPubsub();
  rec = new BeatRecorder('setup');
  /** Message id → the story event it carries (the delivered effect names only the id). */
  events: Record<string, string> = {};

  do(r: PubsubRequest, now: number): PubsubEffect[] {
    const step = apply(this.s, r, now);
    this.s = step.state;
    this.rec.note(step.effects);
    for (const e of step.effects)
      if (e.kind === 'pubsub-dead-lettered')
        this.rec.gaveUp.push({
          service: e.subscription,
          eventId: this.events[e.messageId]!,
          deadLetter: e.deadLetterTopic,
          reason: e.reason,
        });
    return step.effects;
  }

  publish(id: string, label: string, order: string, now: number) {
    for (const e of this.do(
      { kind: 'publish', topic: TOPIC, data: label, orderingKey: order, publisher: 'order-service' },
      now,
    ))
      if (e.kind === 'pubsub-published' && e.topic === TOPIC) this.events[e.messageId] = id;
  }

  take(service: Service, now: number, max = BATCH): Got[] {
    const got = this.do({ kind: 'pull', subscription: service, consumer: service, max }, now);
    return got.filter((e): e is Got => e.kind === 'pubsub-delivered');
  }

  record(service: Service, d: Got, outcome: Delivery['outcome']) {
    const eventId = this.events[d.messageId]!;
    this.rec.deliveries.push({
      service,
      eventId,
      label: eventById(eventId).label,
      outcome,
      detail: `message ${d.messageId}, delivery attempt ${d.deliveryAttempt}`,
    });
  }

  finish(service: Service, got: readonly Got[], now: number) {
    for (const d of got) {
      const failed = fails(service, eventById(this.events[d.messageId]!));
      this.record(service, d, failed ? 'failed' : 'processed');
      this.do(
        failed
          ? { kind: 'nack', subscription: service, ackId: d.ackId }
          : { kind: 'ack', subscription: service, ackId: d.ackId },
        now,
      );
    }
  }

  drain(service: Service, now: number, limit = Infinity) {
    drainPull(this, service, now, limit);
  }
}

function beat(run: PubsubRun, b: Beat) {
  const t = b.at;
  for (const e of b.publish) run.publish(e.id, e.label, e.order, t);
  if (playPullBeat(run, b.id, t)) return;
  switch (b.id) {
    case 'setup':
      run.do({ kind: 'create-topic', name: TOPIC, retentionMs: TOPIC_RETENTION_MS }, t);
      run.do({ kind: 'create-topic', name: DEAD_LETTER_TOPIC }, t);
      // A dead-letter topic without a subscription loses what it is sent.
      run.do({ kind: 'create-subscription', name: 'billing-dead-letters', topic: DEAD_LETTER_TOPIC }, t);
      for (const x of SERVICES)
        run.do(
          {
            kind: 'create-subscription',
            name: x,
            topic: TOPIC,
            ordering: true,
            ...(x === 'billing'
              ? { deadLetter: { topic: DEAD_LETTER_TOPIC, maxDeliveryAttempts: MAX_DELIVERY_ATTEMPTS } }
              : {}),
          },
          t,
        );
      return;
    case 'poison':
      run.drain('shipping', t);
      run.drain('analytics', t);
      // A nack makes the message available again at once (no retry policy): billing keeps pulling.
      for (let i = 0; i < POISON_ROUNDS; i++) run.drain('billing', t);
      return;
    case 'replay':
      run.do({ kind: 'create-subscription', name: NEW_SERVICE, topic: TOPIC, ordering: true }, t);
      run.do({ kind: 'seek', subscription: NEW_SERVICE, time: t - REPLAY_WINDOW_MS }, t);
      run.drain(NEW_SERVICE, t);
      return;
  }
}

export function runPubsub(): ProfileRun {
  const run = new PubsubRun();
  const steps = playStory(run, beat);
  const topic = run.s.topics[TOPIC]!;
  const subs = Object.values(run.s.subscriptions).filter((x) => x.topic === TOPIC);
  return {
    profile: 'pubsub',
    name: 'Google Cloud Pub/Sub',
    version: 'Google Cloud documentation as read on 2026-12-05',
    steps,
    facts: {
      fanOut: `topic '${TOPIC}' copies each message to every subscription (${subs.map((x) => x.name).join(', ')}), ordering key = order id on ordered subscriptions`,
      retention: `unacknowledged: ${subs[0]!.retentionMs / DAY} days per subscription; topic retention ${topic.retentionMs! / DAY} days (off by default, set here), acknowledged or not`,
      replayHow: `a new subscription '${NEW_SERVICE}' seeked to a time 7 days back (works because topic retention is on)`,
    },
  };
}
