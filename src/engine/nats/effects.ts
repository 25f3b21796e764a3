/** What a NATS operation did, as data; every effect says why in `reason`. Kinds are prefixed `nats-`. */
import type { EffectBase } from '../types';

/** Why a stored message left its stream. */
export type RemovalCause = 'max-msgs' | 'max-bytes' | 'max-age' | 'workqueue-ack' | 'interest-ack';

export type NatsEffect =
  | (EffectBase & { kind: 'nats-connected'; client: string })
  | (EffectBase & { kind: 'nats-subscribed'; client: string; sid: string; subject: string; queue: string | null })
  | (EffectBase & { kind: 'nats-unsubscribed'; client: string; sid: string })
  /** A core delivery to one subscription (fan-out: one per matching subscription, one per queue group). */
  | (EffectBase & {
      kind: 'nats-delivered';
      client: string;
      sid: string;
      subject: string;
      data: string;
      reply: string | null;
      queue: string | null;
      /** Set for the 503 status a requester gets when nobody listens. */
      status: number | null;
    })
  /** Nobody matched: at-most-once, the message is gone. */
  | (EffectBase & { kind: 'nats-dropped'; subject: string })
  | (EffectBase & { kind: 'nats-slow-consumer'; client: string; pendingBytes: number; maxPendingBytes: number })
  | (EffectBase & { kind: 'nats-read'; client: string; messages: number; bytes: number })
  | (EffectBase & { kind: 'nats-stream-created'; stream: string; subjects: readonly string[] })
  | (EffectBase & { kind: 'nats-stored'; stream: string; seq: number; subject: string; msgId: string | null })
  /** Inside the duplicate window: not stored again; the publish ack names the first copy's sequence. */
  | (EffectBase & { kind: 'nats-duplicate'; stream: string; seq: number; msgId: string })
  /** Interest retention with nobody interested: the sequence is used but nothing is stored. */
  | (EffectBase & { kind: 'nats-not-stored'; stream: string; seq: number; subject: string })
  | (EffectBase & { kind: 'nats-removed'; stream: string; seq: number; cause: RemovalCause })
  | (EffectBase & { kind: 'nats-consumer-created'; stream: string; consumer: string; startSeq: number })
  | (EffectBase & { kind: 'nats-consumer-deleted'; stream: string; consumer: string })
  /** A JetStream delivery: stream and consumer sequence, delivery count, the ack reply subject. */
  | (EffectBase & {
      kind: 'nats-js-delivered';
      stream: string;
      consumer: string;
      subject: string;
      data: string;
      seq: number;
      consumerSeq: number;
      deliveryCount: number;
      redelivered: boolean;
      /** Messages left for this consumer when it was sent (the ack reply's last token). */
      pending: number;
      ackReply: string;
    })
  | (EffectBase & {
      kind: 'nats-acked';
      stream: string;
      consumer: string;
      seq: number;
      how: 'ack' | 'ack-all' | 'term';
      /** Stream sequences this ack settled (ack-all settles everything up to `seq`). */
      settled: readonly number[];
    })
  /** The server's reply to an ack sent with a reply subject (AckSync / ackAck): it received the ack. */
  | (EffectBase & { kind: 'nats-ack-confirmed'; stream: string; consumer: string; seq: number })
  | (EffectBase & { kind: 'nats-nak'; stream: string; consumer: string; seq: number; delayMs: number | null })
  | (EffectBase & { kind: 'nats-in-progress'; stream: string; consumer: string; seq: number })
  /** Ack wait ran out (or a delayed nak came due): the message joins the redelivery queue. */
  | (EffectBase & { kind: 'nats-redelivery-due'; stream: string; consumer: string; seq: number })
  | (EffectBase & { kind: 'nats-max-deliver'; stream: string; consumer: string; seq: number; deliveries: number })
  | (EffectBase & { kind: 'nats-fetch-empty'; stream: string; consumer: string; status: 404 | 408 })
  /** A refused request a learner can cause; the state is unchanged. */
  | (EffectBase & { kind: 'nats-rejected'; request: string; error: string; code: number });

export type NatsEffectKind = NatsEffect['kind'];
