/**
 * basic.consume and basic.cancel. Stream consumers need a prefetch and manual acks and choose where to
 * start with `x-stream-offset` (rabbit_stream_queue.erl consume / parse_offset_arg, v3.10.8;
 * https://www.rabbitmq.com/streams.html#consuming).
 */
import { REPLY } from './constants';
import type { RabbitEffect, RabbitStep } from './effects';
import { withQueue, type Consumer, type Queue, type RabbitState } from './rabbitState';

type Step = RabbitStep;

/** Where a stream consumer starts: 'first', 'last' (the last chunk), 'next' (default), an offset, or a time in ms. */
export type StreamOffset = 'first' | 'last' | 'next' | number | { timestamp: number };

/**
 * The model writes each publish as its own chunk, so 'last' is the last message; a real stream may batch
 * messages published together into one chunk and starts 'last' at that chunk's first message.
 */
export function startOffset(q: Queue, spec: StreamOffset | undefined): number {
  const end = q.log.length;
  if (spec === undefined || spec === 'next') return end;
  if (spec === 'first') return 0;
  if (spec === 'last') return Math.max(0, end - 1);
  // A reader skips records below its start offset (rabbit_stream_queue.erl stream_entries: O >= StartOffs),
  // so an offset beyond the end waits until the log reaches it.
  if (typeof spec === 'number') return Math.max(0, spec);
  const i = q.log.findIndex((e) => e.appendedAt >= spec.timestamp);
  return i === -1 ? end : i;
}

export interface ConsumeOptions {
  noAck: boolean;
  streamOffset?: StreamOffset;
}

/** Registers a consumer; the caller has checked the channel and queue exist and the tag is free. */
export function addConsumer(s: RabbitState, channel: string, queue: string, tag: string, o: ConsumeOptions): Step {
  const q = s.queues[queue] as Queue;
  const ch = s.channels[channel]!;
  const c: Consumer = {
    tag,
    channel,
    queue,
    prefetch: ch.prefetch,
    noAck: o.noAck,
    streamNext: q.type === 'stream' ? startOffset(q, o.streamOffset) : null,
    extraCredit: 0,
  };
  const active = !q.args.singleActiveConsumer || q.consumers.length === 0;
  const next: Queue = {
    ...q,
    consumers: [...q.consumers, tag],
    serviceOrder: [...q.serviceOrder, tag],
    stalled: false,
  };
  const how =
    q.type === 'stream'
      ? `reads stream ${queue} from offset ${c.streamNext}`
      : q.args.singleActiveConsumer
        ? active
          ? `is the single active consumer of ${queue}`
          : `waits: ${queue} has a single active consumer (${q.consumers[0]}); ${tag} takes over when it goes`
        : `takes turns with the other consumers of ${queue}`;
  return {
    state: { ...withQueue(s, next), consumers: { ...s.consumers, [tag]: c } },
    effects: [
      {
        kind: 'rabbitmq-consumer-started',
        consumerTag: tag,
        queue,
        channel,
        active,
        reason: `${tag} consumes from ${queue} on channel ${channel} with prefetch ${c.prefetch === 0 ? 'unlimited' : c.prefetch}${o.noAck ? ' and automatic acks' : ''}; it ${how}`,
      },
    ],
  };
}

/** Checks a consume request; returns the AMQP error that a real server would raise, or null. */
export function consumeError(
  s: RabbitState,
  channel: string,
  queue: string,
  o: ConsumeOptions,
): { code: number; text: string } | null {
  const q = s.queues[queue];
  if (!q) return { code: REPLY.notFound, text: `NOT_FOUND - no queue '${queue}'` };
  const ch = s.channels[channel]!;
  if (q.type !== 'classic' && ch.globalPrefetch > 0)
    return { code: REPLY.preconditionFailed, text: `global qos is not supported by ${q.type} queue '${queue}'` };
  if (q.type === 'stream' && ch.prefetch === 0)
    return {
      code: REPLY.preconditionFailed,
      text: `PRECONDITION_FAILED - consumer prefetch count is not set for stream '${queue}'`,
    };
  if (q.type === 'stream' && o.noAck)
    return {
      code: REPLY.notImplemented,
      text: `NOT_IMPLEMENTED - automatic acknowledgement not supported by stream queues '${queue}'`,
    };
  return null;
}

/** Removes a consumer (basic.cancel or its channel closing); with single active consumer the next one takes over. */
export function removeConsumer(s: RabbitState, tag: string): Step {
  const c = s.consumers[tag];
  if (!c) return { state: s, effects: [] };
  const q = s.queues[c.queue] as Queue;
  const drop = (l: readonly string[]) => l.filter((t) => t !== tag);
  const next: Queue = {
    ...q,
    consumers: drop(q.consumers),
    serviceOrder: drop(q.serviceOrder),
    blocked: drop(q.blocked),
  };
  const consumers = { ...s.consumers };
  delete consumers[tag];
  const effects: RabbitEffect[] = [];
  const successor = next.consumers[0];
  if (q.args.singleActiveConsumer && q.consumers[0] === tag && successor)
    effects.push({
      kind: 'rabbitmq-consumer-activated',
      consumerTag: successor,
      queue: q.name,
      reason: `${successor} becomes the single active consumer of ${q.name}: ${tag} went away and ${successor} registered next`,
    });
  return { state: { ...withQueue(s, next), consumers }, effects };
}

/**
 * basic.cancel: the consumer gets no more messages; what it holds stays with its channel until acked. On a
 * classic queue with single active consumer, cancelling the active one leaves the queue stalled (see
 * `Queue.stalled`); a quorum queue hands over at once (rabbit_fifo.erl activate_next_consumer).
 */
export function cancelConsumer(s: RabbitState, channel: string, tag: string): Step {
  const c = s.consumers[tag];
  if (!c || c.channel !== channel) return { state: s, effects: [] };
  const q = s.queues[c.queue] as Queue;
  const out = removeConsumer(s, tag);
  const stalls = q.type === 'classic' && q.args.singleActiveConsumer && q.consumers[0] === tag;
  const state = stalls ? withQueue(out.state, { ...(out.state.queues[q.name] as Queue), stalled: true }) : out.state;
  return {
    state,
    effects: [
      {
        kind: 'rabbitmq-consumer-cancelled',
        consumerTag: tag,
        queue: c.queue,
        reason: `${tag} cancelled: it gets no more messages; what it holds unacknowledged stays with channel ${channel}${stalls ? `. RabbitMQ 3.10 names the next active consumer of classic queue ${q.name} but does not deliver to it until something else wakes the queue (a new consumer, a requeue, an ack that frees a blocked consumer)` : ''}`,
      },
      ...out.effects,
    ],
  };
}
