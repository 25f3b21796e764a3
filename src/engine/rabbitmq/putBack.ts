/**
 * An unacknowledged delivery goes back to its queue: nack/reject with requeue, or its channel closed
 * (a crash, a consumer timeout). Quorum queues count every return (rabbit_fifo.erl return_one, v3.10.8)
 * and, when `x-delivery-limit` is set, dead-letter a message returned more times than the limit with
 * reason `delivery_limit` instead of requeueing it. Streams keep every message, so nothing goes back.
 */
import { deadLetter } from './arrival';
import type { RabbitEffect } from './effects';
import { requeue, type RequeueCause } from './queueOrder';
import { withQueue, type RabbitState, type Unacked } from './rabbitState';

export function putBack(s0: RabbitState, items: readonly Unacked[], cause: RequeueCause, why: string, now: number) {
  let s = s0;
  const effects: RabbitEffect[] = [];
  for (const u of items) {
    const q = s.queues[u.queue];
    if (!q || q.type === 'stream') continue;
    const entry = q.type === 'quorum' ? { ...u.entry, returns: u.entry.returns + 1 } : u.entry;
    if (q.type === 'quorum' && q.args.deliveryLimit !== null && entry.returns > q.args.deliveryLimit) {
      const r = deadLetter(s, q.name, entry, 'delivery_limit', now);
      s = r.state;
      const c = u.consumerTag === null ? undefined : s.consumers[u.consumerTag];
      if (cause === 'nack' && c && c.prefetch > 0)
        s = { ...s, consumers: { ...s.consumers, [c.tag]: { ...c, extraCredit: c.extraCredit + 1 } } };
      effects.push(...r.effects);
      continue;
    }
    const r = requeue(q, entry, cause);
    s = withQueue(s, { ...r.queue, stalled: false });
    const where = {
      original: `back to its original place in classic queue ${q.name}`,
      returns: `to the returns of quorum queue ${q.name}, delivered before its other ready messages`,
      back: `to the back of quorum queue ${q.name} (3.10 without x-delivery-limit requeues a nacked message at the back)`,
    }[r.position];
    effects.push({
      kind: 'rabbitmq-requeued',
      queue: q.name,
      messageId: entry.message.id,
      body: entry.message.body,
      position: r.position,
      reason: `'${entry.message.body}' requeued ${where}: ${why}; its next delivery is flagged redelivered`,
    });
  }
  return { state: s, effects };
}
