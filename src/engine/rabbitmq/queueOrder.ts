/**
 * Where a message sits in a queue: which one is delivered next, where a new one and a requeued one go.
 *
 * - Classic queues deliver by priority (with `x-max-priority`), then arrival order, and put a requeued
 *   message back at its ORIGINAL place (rabbit_variable_queue.erl requeue merges by sequence id;
 *   https://www.rabbitmq.com/confirms.html#consumer-nacks-requeue).
 * - Quorum queues (rabbit_fifo.erl, v3.10.8) deliver the `returns` queue before the main queue. A consumer
 *   that goes away returns its messages there (return_all, in delivery order). An explicit nack/reject
 *   with requeue goes there too when `x-delivery-limit` is set, but WITHOUT a delivery limit 3.10 turns it
 *   into a `requeue` command that appends the message to the BACK of the queue (handle_aux #return).
 */
import { DEFAULT_MESSAGE_PRIORITY } from './constants';
import type { Queue, QueuedMessage } from './rabbitState';

/** Priority a classic priority queue files a message under: missing = 0, above the maximum = the maximum. */
export function effectivePriority(q: Queue, m: QueuedMessage): number {
  const max = q.args.maxPriority;
  if (max === null || q.type !== 'classic') return 0;
  return Math.min(m.message.priority ?? DEFAULT_MESSAGE_PRIORITY, max);
}

/** Inserts by (priority descending, seq ascending). */
function insertOrdered(q: Queue, list: readonly QueuedMessage[], m: QueuedMessage): QueuedMessage[] {
  const p = effectivePriority(q, m);
  const at = list.findIndex((o) => {
    const po = effectivePriority(q, o);
    return po < p || (po === p && o.seq > m.seq);
  });
  const out = [...list];
  out.splice(at === -1 ? out.length : at, 0, m);
  return out;
}

/** A newly published message joins the queue. */
export function enqueue(q: Queue, m: QueuedMessage): Queue {
  return { ...q, ready: q.type === 'classic' ? insertOrdered(q, q.ready, m) : [...q.ready, m], nextSeq: q.nextSeq + 1 };
}

export type RequeueCause = 'nack' | 'consumer-gone';

/** Puts a delivered message back, where this queue type puts it. */
export function requeue(
  q: Queue,
  m: QueuedMessage,
  cause: RequeueCause,
): { queue: Queue; position: 'original' | 'returns' | 'back' } {
  if (q.type === 'classic') return { queue: { ...q, ready: insertOrdered(q, q.ready, m) }, position: 'original' };
  if (cause === 'nack' && q.args.deliveryLimit === null)
    return { queue: { ...q, ready: [...q.ready, m] }, position: 'back' };
  return { queue: { ...q, returned: [...q.returned, m] }, position: 'returns' };
}

/** The message delivered next (returns first on a quorum queue). */
export const head = (q: Queue): QueuedMessage | undefined => q.returned[0] ?? q.ready[0];

export const withoutHead = (q: Queue): Queue =>
  q.returned.length > 0 ? { ...q, returned: q.returned.slice(1) } : { ...q, ready: q.ready.slice(1) };

export const depth = (q: Queue): number => q.ready.length + q.returned.length;
