/**
 * basic.publish: the exchange routes a copy to each matching queue. A message no queue takes is dropped,
 * or — when published `mandatory` — returned to its publisher with basic.return 312 NO_ROUTE
 * (https://www.rabbitmq.com/publishers.html#unroutable).
 */
import { arrive } from './arrival';
import { REPLY } from './constants';
import type { RabbitEffect } from './effects';
import { route, routingRule } from './routing';
import type { HeaderValue, Message, RabbitState } from './rabbitState';

export interface PublishProperties {
  headers?: Readonly<Record<string, HeaderValue>>;
  priority?: number;
  /** Per-message TTL in ms (AMQP carries it as a string). */
  expiration?: number;
}

export function publish(
  s: RabbitState,
  exchange: string,
  routingKey: string,
  body: string,
  props: PublishProperties,
  mandatory: boolean,
  now: number,
): { state: RabbitState; effects: RabbitEffect[] } {
  const id = `msg-${s.nextMessage}`;
  const message: Message = {
    id,
    body,
    exchange,
    routingKey,
    headers: props.headers ?? {},
    priority: props.priority ?? null,
    expiration: props.expiration ?? null,
    xDeath: [],
  };
  const next = { ...s, nextMessage: s.nextMessage + 1 };
  const queues = route(next, exchange, routingKey, message.headers);
  const x = s.exchanges[exchange]!;
  const via = exchange === '' ? 'the default exchange routes by queue name' : routingRule(x);
  if (queues.length === 0) {
    const effect: RabbitEffect = mandatory
      ? {
          kind: 'rabbitmq-returned',
          messageId: id,
          body,
          replyCode: REPLY.noRoute,
          reason: `'${body}' matched no queue (${via}) and was published mandatory: returned to the publisher (312 NO_ROUTE)`,
        }
      : {
          kind: 'rabbitmq-unroutable',
          messageId: id,
          exchange,
          routingKey,
          reason: `'${body}' matched no queue (${via}): dropped silently (publish with mandatory to get it back)`,
        };
    return { state: next, effects: [effect] };
  }
  const r = arrive(next, message, queues, now);
  return {
    state: r.state,
    effects: [
      {
        kind: 'rabbitmq-routed',
        messageId: id,
        exchange,
        routingKey,
        queues,
        reason: `'${body}' with key '${routingKey}' routed to ${queues.join(', ')}: ${via}`,
      },
      ...r.effects,
    ],
  };
}
