/**
 * basic.get: pull the head message of a queue (https://www.rabbitmq.com/consumers.html#fetching). It takes
 * the next message like a delivery would (expired heads are dead-lettered first) and counts against no
 * prefetch. Streams do not support it (rabbit_stream_queue.erl dequeue: not_implemented in 3.10).
 */
import { deadLetter } from './arrival';
import { REPLY } from './constants';
import { handOver } from './dispatch';
import type { RabbitEffect, RabbitStep } from './effects';
import { head, withoutHead } from './queueOrder';
import { withQueue, type Channel, type RabbitState } from './rabbitState';

type Step = RabbitStep;

export function basicGet(
  s0: RabbitState,
  channel: string,
  queue: string,
  noAck: boolean,
  now: number,
  fail: (code: number, error: string, now: number) => Step,
): Step {
  const q0 = s0.queues[queue];
  if (!q0) return fail(REPLY.notFound, `NOT_FOUND - no queue '${queue}'`, now);
  if (q0.type === 'stream')
    return fail(REPLY.notImplemented, `NOT_IMPLEMENTED - basic.get is not supported by stream '${queue}'`, now);
  let s = s0;
  const effects: RabbitEffect[] = [];
  for (;;) {
    const q = s.queues[queue]!;
    const h = head(q);
    if (!h) {
      effects.push({
        kind: 'rabbitmq-get-empty',
        queue,
        channel,
        reason: `basic.get on ${queue}: no ready message (get-empty)`,
      });
      return { state: s, effects };
    }
    if (h.expiresAt !== null && now >= h.expiresAt) {
      const r = deadLetter(withQueue(s, withoutHead(q)), queue, h, 'expired', now);
      s = r.state;
      effects.push(...r.effects);
      continue;
    }
    const r = handOver(withQueue(s, withoutHead(q)), queue, h, null, s.channels[channel] as Channel, now, null, noAck);
    return { state: r.state, effects: [...effects, ...r.effects] };
  }
}
