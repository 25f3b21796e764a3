/**
 * The story on RabbitMQ 3.10.8 (src/engine/rabbitmq), through its `apply()` only: a topic exchange
 * `orders` with one quorum queue per service bound to `order.*`, prefetch 10, manual acks; billing's
 * queue dead-letters to `orders.dlx` after x-delivery-limit returns; a stream `orders-log` bound to the
 * same exchange from the start is what the new service replays.
 */
import { apply, createRabbit, type RabbitEffect, type RabbitRequest, type RabbitState } from '../../engine/rabbitmq';
import { BeatRecorder, playStory } from './recorder';
import {
  BATCH,
  CRASH_RESTART_MS,
  eventByLabel,
  fails,
  NEW_SERVICE,
  REPLAY_WINDOW_MS,
  SERVICES,
  SLOW_DONE_MS,
  type Beat,
  type Service,
} from './story';
import type { Delivery, ProfileRun } from './types';

const EXCHANGE = 'orders';
const DLX = 'orders.dlx';
const DEAD_LETTERS = 'billing.dead-letters';
const STREAM = 'orders-log';
/** Returns before billing's queue dead-letters a message: 2 returns = 3 deliveries. */
const DELIVERY_LIMIT = 2;
const routingKey = (type: string) => `order.${type.replace(/^Order/, '').toLowerCase()}`;

type Held = Extract<RabbitEffect, { kind: 'rabbitmq-delivered' }>;

class RabbitRun {
  s: RabbitState = createRabbit();
  rec = new BeatRecorder('setup');
  /** The consumer tag each service consumes through now, and the deliveries it has not handled yet. */
  tags: Record<string, { tag: string; channel: string; connection: string }> = {};
  inbox: Record<string, Held[]> = {};

  do(r: RabbitRequest, now: number): RabbitEffect[] {
    const step = apply(this.s, r, now);
    this.s = step.state;
    this.rec.note(step.effects);
    for (const e of step.effects) {
      if (e.kind === 'rabbitmq-delivered' && e.consumerTag) (this.inbox[e.consumerTag] ??= []).push(e);
      if (e.kind === 'rabbitmq-dead-lettered')
        this.rec.gaveUp.push({
          service: e.queue,
          eventId: eventByLabel(e.body).id,
          deadLetter: e.to.length > 0 ? `${e.deadLetterExchange} → ${e.to.join(', ')}` : null,
          reason: e.reason,
        });
    }
    return step.effects;
  }

  consumer(service: Service, n: number, queue: string, now: number, extra: Partial<RabbitRequest> = {}) {
    const c = { tag: `${service}-${n}`, channel: `${service}-ch${n}`, connection: `${service}-conn${n}` };
    this.tags[service] = c;
    this.do({ kind: 'open-channel', channel: c.channel, connection: c.connection }, now);
    this.do({ kind: 'qos', channel: c.channel, prefetch: BATCH }, now);
    this.do({ kind: 'consume', channel: c.channel, queue, consumerTag: c.tag, ...extra } as RabbitRequest, now);
  }

  /** The service works through what it was given (and what each ack lets the broker give it), up to `limit`. */
  handle(service: Service, now: number, limit = Infinity, crash = false) {
    const c = this.tags[service]!;
    let n = 0;
    while (n < limit) {
      const d = (this.inbox[c.tag] ?? []).shift();
      if (!d) break;
      n++;
      const event = eventByLabel(d.body);
      const failed = fails(service, event);
      const outcome: Delivery['outcome'] = crash ? 'crashed' : failed ? 'failed' : 'processed';
      const flags = [
        d.redelivered ? 'redelivered' : '',
        d.deliveryCount !== null ? `x-delivery-count ${d.deliveryCount}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      const where = d.offset !== null ? `stream offset ${d.offset}` : `delivery tag ${d.deliveryTag}`;
      this.rec.deliveries.push({
        service,
        eventId: event.id,
        label: event.label,
        outcome,
        detail: `${d.queue}, ${where}${flags ? `, ${flags}` : ''}`,
      });
      if (crash) continue;
      if (failed) this.do({ kind: 'nack', channel: c.channel, deliveryTag: d.deliveryTag, requeue: true }, now);
      else this.do({ kind: 'ack', channel: c.channel, deliveryTag: d.deliveryTag }, now);
    }
  }
}

function beat(run: RabbitRun, b: Beat) {
  const t = b.at;
  for (const e of b.publish)
    run.do({ kind: 'publish', exchange: EXCHANGE, routingKey: routingKey(e.type), body: e.label }, t);
  switch (b.id) {
    case 'setup':
      run.do({ kind: 'declare-exchange', exchange: EXCHANGE, type: 'topic' }, t);
      run.do({ kind: 'declare-exchange', exchange: DLX, type: 'fanout' }, t);
      run.do({ kind: 'declare-queue', queue: DEAD_LETTERS, type: 'quorum' }, t);
      run.do({ kind: 'bind', queue: DEAD_LETTERS, exchange: DLX, routingKey: '' }, t);
      for (const x of SERVICES) {
        const args =
          x === 'billing' ? { 'x-dead-letter-exchange': DLX, 'x-delivery-limit': DELIVERY_LIMIT } : undefined;
        run.do({ kind: 'declare-queue', queue: x, type: 'quorum', ...(args ? { arguments: args } : {}) }, t);
        run.do({ kind: 'bind', queue: x, exchange: EXCHANGE, routingKey: 'order.*' }, t);
        run.consumer(x, 1, x, t);
      }
      run.do({ kind: 'declare-queue', queue: STREAM, type: 'stream' }, t);
      run.do({ kind: 'bind', queue: STREAM, exchange: EXCHANGE, routingKey: 'order.*' }, t);
      return;
    case 'orders':
    case 'drain':
      for (const x of SERVICES) run.handle(x, t);
      return;
    case 'spike':
      for (const x of SERVICES) run.handle(x, t, BATCH);
      return;
    case 'slow':
      run.handle('billing', t);
      run.handle('shipping', t);
      // Prefetch pushed all three to analytics at once; it acknowledges them when it is done, 45 s later.
      run.handle('analytics', t + SLOW_DONE_MS);
      return;
    case 'crash': {
      run.handle('billing', t);
      run.handle('analytics', t);
      run.handle('shipping', t, Infinity, true);
      run.do({ kind: 'close-connection', connection: run.tags['shipping']!.connection }, t);
      const back = t + CRASH_RESTART_MS;
      run.consumer('shipping', 2, 'shipping', back);
      run.handle('shipping', back);
      return;
    }
    case 'poison':
      run.handle('shipping', t);
      run.handle('analytics', t);
      run.handle('billing', t);
      return;
    case 'replay':
      run.consumer(NEW_SERVICE, 1, STREAM, t, { streamOffset: { timestamp: t - REPLAY_WINDOW_MS } });
      run.handle(NEW_SERVICE, t);
      return;
  }
}

export function runRabbitmq(): ProfileRun {
  const run = new RabbitRun();
  const steps = playStory(run, beat);
  const queues = SERVICES.map((x) => `${x} (${run.s.queues[x]!.type})`).join(', ');
  return {
    profile: 'rabbitmq',
    name: 'RabbitMQ',
    version: 'RabbitMQ 3.10.8',
    steps,
    facts: {
      fanOut: `a ${run.s.exchanges[EXCHANGE]!.type} exchange '${EXCHANGE}' copies each message to one queue per service bound to 'order.*': ${queues}; plus the stream '${STREAM}'`,
      retention: `queues: until acknowledged (an ack deletes it); stream '${STREAM}': no x-max-age or x-max-length-bytes set, so it keeps everything`,
      replayHow: `a stream consumer on '${STREAM}' with x-stream-offset at a timestamp 7 days back (a new queue would only get new messages)`,
    },
  };
}
