/** Every request the profile understands, as data, so a script of them can be run (the differential tests, scenarios). */
import type { StreamOffset } from './consumers';
import type { PublishProperties } from './publish';
import type { ExchangeType, HeaderValue, QueueType } from './rabbitState';

export type RabbitRequest =
  | { kind: 'declare-exchange'; exchange: string; type: ExchangeType }
  | { kind: 'declare-queue'; queue: string; type?: QueueType; arguments?: Readonly<Record<string, unknown>> }
  | {
      kind: 'bind';
      queue: string;
      exchange: string;
      routingKey: string;
      arguments?: Readonly<Record<string, HeaderValue>>;
    }
  | {
      kind: 'unbind';
      queue: string;
      exchange: string;
      routingKey: string;
      arguments?: Readonly<Record<string, HeaderValue>>;
    }
  | { kind: 'open-channel'; channel: string; connection?: string }
  | { kind: 'close-channel'; channel: string }
  /** The client's connection goes away (a crash): all its channels close. */
  | { kind: 'close-connection'; connection: string }
  | { kind: 'qos'; channel: string; prefetch: number; global?: boolean }
  | {
      kind: 'consume';
      channel: string;
      queue: string;
      consumerTag: string;
      noAck?: boolean;
      streamOffset?: StreamOffset;
    }
  | { kind: 'cancel'; channel: string; consumerTag: string }
  | {
      kind: 'publish';
      exchange: string;
      routingKey: string;
      body: string;
      properties?: PublishProperties;
      mandatory?: boolean;
      /** The publishing channel, if the script names one: an error (unknown exchange) closes it. */
      channel?: string;
    }
  | { kind: 'get'; channel: string; queue: string; noAck?: boolean }
  | { kind: 'ack'; channel: string; deliveryTag: number; multiple?: boolean }
  /** `requeue` defaults to true, as in AMQP 0-9-1. */
  | { kind: 'nack'; channel: string; deliveryTag: number; multiple?: boolean; requeue?: boolean }
  | { kind: 'reject'; channel: string; deliveryTag: number; requeue?: boolean }
  /** Lets simulated time pass up to `now` (TTL expiry, consumer timeout). */
  | { kind: 'advance' };

export type RabbitRequestKind = RabbitRequest['kind'];
