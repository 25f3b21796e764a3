/**
 * RabbitMQ 3.10.8's numbers and defaults, each with where it comes from. Source paths are in
 * github.com/rabbitmq/rabbitmq-server at tag v3.10.8; docs pages are rabbitmq.com as read for 3.10.
 */

/**
 * `consumer_timeout`: 1,800,000 ms (30 min). deps/rabbit/Makefile (`{consumer_timeout, 1800000}`);
 * https://www.rabbitmq.com/consumers.html#acknowledgement-timeout. When the oldest unacknowledged
 * delivery on a channel is older than this, the channel is closed with PRECONDITION_FAILED and its
 * unacked messages are requeued (rabbit_channel.erl, evaluate_consumer_timeout).
 * Newer versions differ: 3.11.15+ also take a per-queue/per-consumer `x-consumer-timeout`; 4.3 applies
 * delivery-acknowledgement timeouts only to quorum queues.
 */
export const DEFAULT_CONSUMER_TIMEOUT_MS = 1_800_000;

/**
 * The channel checks the timeout on its tick, every `channel_tick_interval` = 60,000 ms
 * (deps/rabbit/Makefile). The model fires at the first moment past the timeout; a real channel closes
 * at its next tick, up to a minute later.
 */
export const CHANNEL_TICK_INTERVAL_MS = 60_000;

/** `x-max-priority` accepts 1..255 (rabbit_amqqueue.erl check_max_priority_arg; https://www.rabbitmq.com/priority.html). */
export const MAX_PRIORITY_LIMIT = 255;

/** A message published without `priority` counts as priority 0 (https://www.rabbitmq.com/priority.html). */
export const DEFAULT_MESSAGE_PRIORITY = 0;

/**
 * Quorum queues' `x-delivery-limit` has NO default in 3.10 (rabbit_fifo.erl: `delivery_limit` is
 * `undefined` unless set, and `Count > undefined` is false in Erlang, so nothing is ever dropped).
 * Newer versions differ: RabbitMQ 4.0 sets a default delivery limit of 20.
 */
export const DEFAULT_QUORUM_DELIVERY_LIMIT: number | null = null;

/**
 * A quorum queue with `x-overflow: reject-publish` that went over its limit refuses publishes until its
 * ready messages fall to 80% of it (rabbit_fifo.hrl `?LOW_LIMIT` 0.8; rabbit_fifo.erl evaluate_limit).
 */
export const QUORUM_LOW_LIMIT = 0.8;

/** AMQP 0-9-1 reply codes used by the broker (amqp0-9-1 spec, constants). */
export const REPLY = {
  noRoute: 312, // basic.return for a mandatory message no queue took
  notFound: 404, // NOT_FOUND: unknown exchange or queue
  preconditionFailed: 406, // PRECONDITION_FAILED: unknown delivery tag, consumer timeout, invalid argument
  notImplemented: 540, // NOT_IMPLEMENTED: nack/reject on a stream (a connection error)
} as const;

/** Exchanges every virtual host has (https://www.rabbitmq.com/tutorials/amqp-concepts.html#exchanges). */
export const PREDECLARED_EXCHANGES = [
  { name: '', type: 'direct' },
  { name: 'amq.direct', type: 'direct' },
  { name: 'amq.fanout', type: 'fanout' },
  { name: 'amq.topic', type: 'topic' },
  { name: 'amq.headers', type: 'headers' },
  { name: 'amq.match', type: 'headers' },
] as const;
