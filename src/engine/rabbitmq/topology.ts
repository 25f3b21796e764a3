/** exchange.declare, queue.declare, queue.bind and queue.unbind. */
import type { RabbitStep } from './effects';
import { parseQueueArguments } from './queueArguments';
import { routingRule } from './routing';
import {
  withQueue,
  type ExchangeType,
  type HeaderValue,
  type Queue,
  type QueueType,
  type RabbitState,
} from './rabbitState';

type Step = RabbitStep;
type Refusal = { error: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function declareExchange(s: RabbitState, name: string, type: ExchangeType): Step | Refusal {
  const x = s.exchanges[name];
  if (x && x.type !== type)
    return {
      error: `PRECONDITION_FAILED - inequivalent arg 'type' for exchange '${name}': received '${type}' but current is '${x.type}'`,
    };
  if (name === '' || name.startsWith('amq.')) {
    if (x) return { state: s, effects: [] };
    return { error: `ACCESS_REFUSED - exchange name '${name}' contains reserved prefix 'amq.*'` };
  }
  return {
    state: { ...s, exchanges: { ...s.exchanges, [name]: { name, type } } },
    effects: [
      {
        kind: 'rabbitmq-exchange-declared',
        exchange: name,
        type,
        reason: `exchange ${name} (${type}): ${routingRule({ name, type })}`,
      },
    ],
  };
}

export function declareQueue(
  s: RabbitState,
  name: string,
  type: QueueType,
  raw: Readonly<Record<string, unknown>>,
): Step | Refusal {
  const parsed = parseQueueArguments(name, type, raw);
  if (!parsed.ok) return { error: parsed.error };
  const existing = s.queues[name];
  if (existing) {
    if (existing.type === type && same(existing.args, parsed.args)) return { state: s, effects: [] };
    return {
      error: `PRECONDITION_FAILED - inequivalent arg for queue '${name}': it exists with other arguments or type`,
    };
  }
  const q: Queue = {
    name,
    type,
    args: parsed.args,
    ready: [],
    returned: [],
    consumers: [],
    serviceOrder: [],
    blocked: [],
    nextSeq: 0,
    log: [],
    stalled: false,
    publishBlocked: false,
  };
  const notes = [
    parsed.args.messageTtl !== null ? `messages expire after ${parsed.args.messageTtl} ms` : '',
    parsed.args.deadLetterExchange !== null ? `dead letters go to exchange '${parsed.args.deadLetterExchange}'` : '',
    parsed.args.maxLength !== null ? `at most ${parsed.args.maxLength} ready (${parsed.args.overflow})` : '',
    parsed.args.maxPriority !== null ? `priorities 0–${parsed.args.maxPriority}` : '',
    parsed.args.deliveryLimit !== null ? `dead-letters after ${parsed.args.deliveryLimit} returns` : '',
    parsed.args.singleActiveConsumer ? 'one active consumer at a time' : '',
  ].filter(Boolean);
  // Every queue is bound to the default exchange under its own name (https://www.rabbitmq.com/tutorials/amqp-concepts.html#exchange-default).
  return {
    state: withQueue(s, q),
    effects: [
      {
        kind: 'rabbitmq-queue-declared',
        queue: name,
        type,
        reason: `${type} queue ${name} declared${notes.length ? ': ' + notes.join(', ') : ''}; the default exchange routes key '${name}' to it`,
      },
    ],
  };
}

export function bindQueue(
  s: RabbitState,
  queue: string,
  exchange: string,
  routingKey: string,
  args: Readonly<Record<string, HeaderValue>>,
): Step | Refusal {
  if (!s.queues[queue]) return { error: `NOT_FOUND - no queue '${queue}'` };
  if (!s.exchanges[exchange]) return { error: `NOT_FOUND - no exchange '${exchange}'` };
  if (exchange === '') return { error: `ACCESS_REFUSED - operation not permitted on the default exchange` };
  const b = { exchange, queue, routingKey, arguments: args };
  if (s.bindings.some((o) => same(o, b))) return { state: s, effects: [] };
  return {
    state: { ...s, bindings: [...s.bindings, b] },
    effects: [
      {
        kind: 'rabbitmq-bound',
        exchange,
        queue,
        routingKey,
        reason: `${queue} bound to ${exchange} with key '${routingKey}'`,
      },
    ],
  };
}

export function unbindQueue(
  s: RabbitState,
  queue: string,
  exchange: string,
  routingKey: string,
  args: Readonly<Record<string, HeaderValue>>,
): Step {
  const b = { exchange, queue, routingKey, arguments: args };
  const bindings = s.bindings.filter((o) => !same(o, b));
  if (bindings.length === s.bindings.length) return { state: s, effects: [] };
  return {
    state: { ...s, bindings },
    effects: [
      {
        kind: 'rabbitmq-unbound',
        exchange,
        queue,
        routingKey,
        reason: `${queue} no longer bound to ${exchange} with key '${routingKey}'`,
      },
    ],
  };
}
