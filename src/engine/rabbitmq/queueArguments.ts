/**
 * queue.declare arguments: which each queue type accepts and what they mean. A known argument of another
 * queue type is refused with PRECONDITION_FAILED "invalid arg" (rabbit_amqqueue.erl check_arguments_key,
 * v3.10.8); the lists are the `queue_arguments` of rabbit_classic_queue.erl, rabbit_quorum_queue.erl and
 * rabbit_stream_queue.erl (capabilities/0).
 */
import { MAX_PRIORITY_LIMIT, DEFAULT_QUORUM_DELIVERY_LIMIT } from './constants';
import type { QueueArgs, QueueType } from './rabbitState';

const ACCEPTED: Record<QueueType, readonly string[]> = {
  classic: [
    'x-expires',
    'x-message-ttl',
    'x-dead-letter-exchange',
    'x-dead-letter-routing-key',
    'x-max-length',
    'x-max-length-bytes',
    'x-max-priority',
    'x-overflow',
    'x-queue-mode',
    'x-queue-version',
    'x-single-active-consumer',
    'x-queue-type',
    'x-queue-master-locator',
  ],
  quorum: [
    'x-dead-letter-exchange',
    'x-dead-letter-routing-key',
    'x-dead-letter-strategy',
    'x-expires',
    'x-max-length',
    'x-max-length-bytes',
    'x-max-in-memory-length',
    'x-max-in-memory-bytes',
    'x-overflow',
    'x-single-active-consumer',
    'x-queue-type',
    'x-quorum-initial-group-size',
    'x-delivery-limit',
    'x-message-ttl',
    'x-queue-leader-locator',
  ],
  stream: [
    'x-max-length-bytes',
    'x-queue-type',
    'x-max-age',
    'x-stream-max-segment-size-bytes',
    'x-initial-cluster-size',
    'x-queue-leader-locator',
  ],
};
const KNOWN = new Set(Object.values(ACCEPTED).flat());

/** Arguments the model reads; the others are accepted and have no effect in the model (say so in the README). */
export type DeclareResult = { ok: true; args: QueueArgs } | { ok: false; error: string };

const nonNegInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

export function parseQueueArguments(
  queue: string,
  type: QueueType,
  raw: Readonly<Record<string, unknown>>,
): DeclareResult {
  for (const key of Object.keys(raw))
    if (KNOWN.has(key) && !ACCEPTED[type].includes(key))
      return { ok: false, error: `PRECONDITION_FAILED - invalid arg '${key}' for queue '${queue}' of type ${type}` };
  const num = (key: string): number | null | string => {
    const v = raw[key];
    if (v === undefined) return null;
    return nonNegInt(v) ? v : `PRECONDITION_FAILED - invalid arg '${key}': ${String(v)} is not a non-negative integer`;
  };
  const ttl = num('x-message-ttl');
  const maxLength = num('x-max-length');
  const maxPriority = num('x-max-priority');
  const deliveryLimit = num('x-delivery-limit');
  for (const v of [ttl, maxLength, maxPriority, deliveryLimit])
    if (typeof v === 'string') return { ok: false, error: v };
  if (typeof maxPriority === 'number' && maxPriority > MAX_PRIORITY_LIMIT)
    return { ok: false, error: `PRECONDITION_FAILED - x-max-priority ${maxPriority} is above ${MAX_PRIORITY_LIMIT}` };
  const overflow = raw['x-overflow'] ?? 'drop-head';
  if (overflow !== 'drop-head' && overflow !== 'reject-publish')
    return { ok: false, error: `the model supports x-overflow drop-head and reject-publish, not ${String(overflow)}` };
  const dlx = raw['x-dead-letter-exchange'];
  const dlrk = raw['x-dead-letter-routing-key'];
  return {
    ok: true,
    args: {
      messageTtl: ttl as number | null,
      deadLetterExchange: typeof dlx === 'string' ? dlx : null,
      deadLetterRoutingKey: typeof dlrk === 'string' ? dlrk : null,
      maxLength: maxLength as number | null,
      overflow,
      maxPriority: maxPriority as number | null,
      deliveryLimit: type === 'quorum' ? ((deliveryLimit as number | null) ?? DEFAULT_QUORUM_DELIVERY_LIMIT) : null,
      singleActiveConsumer: raw['x-single-active-consumer'] === true,
    },
  };
}
