/**
 * A differential script: the same steps run through the RabbitMQ profile (`apply`) and through a real
 * RabbitMQ with amqplib; each side reports what it observed in the same shape, so a test compares them
 * with one `toEqual` and also states the expected deliveries itself.
 *
 * Acks name the message by its body (the latest delivery of that body on the channel not yet settled; if
 * all are settled, the latest one — so acking twice sends a tag the channel no longer holds, as a client
 * bug would).
 */
import type { RabbitRequest } from '../../src/engine/rabbitmq';

type Settle =
  | { kind: 'ack'; channel: string; body: string; multiple?: boolean }
  | { kind: 'nack'; channel: string; body: string; multiple?: boolean; requeue?: boolean }
  | { kind: 'reject'; channel: string; body: string; requeue?: boolean };

export type ScriptStep =
  | Exclude<RabbitRequest, { kind: 'ack' | 'nack' | 'reject' | 'advance' }>
  | Settle
  /** Real time passes on the server; simulated time advances by the same amount in the profile. */
  | { kind: 'wait'; ms: number };

/** One message as a consumer (or basic.get) saw it. */
export interface Seen {
  body: string;
  redelivered: boolean;
  /** Quorum queues' x-delivery-count header, when present. */
  deliveryCount?: number;
  /** Streams' x-stream-offset header. */
  offset?: number;
  /** x-death entries as "queue/reason/count", newest first. */
  deaths?: string[];
  /** Where each x-death entry says the message was before it died: "exchange key,key" ("(default)" for ""). */
  deathRoutes?: string[];
}

export interface Observation {
  /** Per consumer tag (or "get:<channel>"), in the order received. */
  received: Record<string, Seen[]>;
  /** Bodies returned to the publisher (mandatory, unroutable). */
  returned: string[];
  /** Channels the broker closed, as "<channel> <reply code>". */
  closedByBroker: string[];
  /** Requests refused (declarations with invalid arguments, …), by request kind. */
  refused: string[];
  /** basic.get that found nothing, by channel. */
  empty: string[];
  /** Ready messages per queue at the end (classic and quorum queues). */
  depth: Record<string, number>;
}

export const emptyObservation = (): Observation => ({
  received: {},
  returned: [],
  closedByBroker: [],
  refused: [],
  empty: [],
  depth: {},
});

export const countOf = (o: Observation): number =>
  Object.values(o.received).reduce((n, l) => n + l.length, 0) +
  o.returned.length +
  o.closedByBroker.length +
  o.refused.length +
  o.empty.length;

export function see(o: Observation, to: string, seen: Seen): void {
  (o.received[to] ??= []).push(seen);
}

/** Delivery tags by body, per channel, identical on both sides as long as both delivered the same. */
export class Tags {
  private readonly byChannel = new Map<string, { tag: number; body: string; settled: boolean }[]>();

  delivered(channel: string, tag: number, body: string, noAck: boolean): void {
    const l = this.byChannel.get(channel) ?? [];
    l.push({ tag, body, settled: noAck });
    this.byChannel.set(channel, l);
  }

  /** The tag a settle step sends, and marks what it settles. */
  settle(step: Settle): number {
    const l = this.byChannel.get(step.channel) ?? [];
    const open = [...l].reverse().find((d) => d.body === step.body && !d.settled);
    const any = open ?? [...l].reverse().find((d) => d.body === step.body);
    if (!any) throw new Error(`script error: '${step.body}' was never delivered on ${step.channel}`);
    const multiple = 'multiple' in step && step.multiple === true;
    for (const d of l) if (d === any || (multiple && d.tag <= any.tag)) d.settled = true;
    return any.tag;
  }

  /** A closed channel's deliveries are all settled (requeued by the broker). */
  closed(channel: string): void {
    this.byChannel.delete(channel);
  }
}
