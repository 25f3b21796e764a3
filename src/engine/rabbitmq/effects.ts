/** What the RabbitMQ profile's operations report: every effect names what moved and says why in `reason`. */
import type { EffectBase } from '../types';
import type { DeathReason, ExchangeType, QueueType, RabbitState } from './rabbitState';

export type RabbitEffect =
  | (EffectBase & { kind: 'rabbitmq-exchange-declared'; exchange: string; type: ExchangeType })
  | (EffectBase & { kind: 'rabbitmq-queue-declared'; queue: string; type: QueueType })
  | (EffectBase & { kind: 'rabbitmq-bound'; exchange: string; queue: string; routingKey: string })
  | (EffectBase & { kind: 'rabbitmq-unbound'; exchange: string; queue: string; routingKey: string })
  | (EffectBase & {
      kind: 'rabbitmq-routed';
      messageId: string;
      exchange: string;
      routingKey: string;
      queues: string[];
    })
  /** A mandatory message no queue took comes back to its publisher (basic.return 312 NO_ROUTE). */
  | (EffectBase & { kind: 'rabbitmq-returned'; messageId: string; body: string; replyCode: number })
  | (EffectBase & { kind: 'rabbitmq-unroutable'; messageId: string; exchange: string; routingKey: string })
  | (EffectBase & { kind: 'rabbitmq-enqueued'; queue: string; messageId: string; body: string; depth: number })
  | (EffectBase & { kind: 'rabbitmq-publish-refused'; queue: string; messageId: string; body: string })
  | (EffectBase & { kind: 'rabbitmq-stream-appended'; queue: string; messageId: string; body: string; offset: number })
  | (EffectBase & {
      kind: 'rabbitmq-delivered';
      queue: string;
      channel: string;
      /** null for basic.get. */
      consumerTag: string | null;
      deliveryTag: number;
      messageId: string;
      body: string;
      redelivered: boolean;
      /** Quorum queues' x-delivery-count header (to consumers: absent before the first return; basic.get: always). */
      deliveryCount: number | null;
      /** Streams' x-stream-offset header. */
      offset: number | null;
      /** The x-death header it carries, newest first (empty unless it was dead-lettered). */
      xDeath: { queue: string; reason: DeathReason; count: number; exchange: string; routingKeys: string[] }[];
    })
  | (EffectBase & { kind: 'rabbitmq-get-empty'; queue: string; channel: string })
  | (EffectBase & { kind: 'rabbitmq-acked'; channel: string; deliveryTag: number; messageId: string; body: string })
  | (EffectBase & {
      kind: 'rabbitmq-requeued';
      queue: string;
      messageId: string;
      body: string;
      /** Where it went: its original place (classic), the returns queue (quorum) or the back. */
      position: 'original' | 'returns' | 'back';
    })
  | (EffectBase & {
      kind: 'rabbitmq-dead-lettered';
      queue: string;
      messageId: string;
      body: string;
      deathReason: DeathReason;
      deadLetterExchange: string;
      routingKey: string;
      /** Queues the dead letter reached (empty: the DLX routed it nowhere, or it does not exist). */
      to: string[];
    })
  | (EffectBase & {
      kind: 'rabbitmq-dropped';
      queue: string;
      messageId: string;
      body: string;
      deathReason: DeathReason;
    })
  | (EffectBase & { kind: 'rabbitmq-channel-opened'; channel: string; connection: string })
  | (EffectBase & { kind: 'rabbitmq-channel-closed'; channel: string; replyCode: number | null; replyText: string })
  | (EffectBase & { kind: 'rabbitmq-qos'; channel: string; prefetch: number; global: boolean })
  | (EffectBase & {
      kind: 'rabbitmq-consumer-started';
      consumerTag: string;
      queue: string;
      channel: string;
      active: boolean;
    })
  | (EffectBase & { kind: 'rabbitmq-consumer-activated'; consumerTag: string; queue: string })
  | (EffectBase & { kind: 'rabbitmq-consumer-cancelled'; consumerTag: string; queue: string })
  | (EffectBase & { kind: 'rabbitmq-rejected'; request: string; error: string });

export type RabbitEffectKind = RabbitEffect['kind'];

/** What every operation returns: the next state and what happened. */
export interface RabbitStep {
  state: RabbitState;
  effects: RabbitEffect[];
}
