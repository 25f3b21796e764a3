/**
 * basic.ack, basic.nack and basic.reject (https://www.rabbitmq.com/confirms.html#consumer-acknowledgements).
 * A delivery tag the channel does not hold (never delivered, or already acknowledged) is a channel error:
 * PRECONDITION_FAILED "unknown delivery tag", the channel closes and its other unacked messages are
 * requeued. nack/reject on a stream is NOT_IMPLEMENTED, a connection error (rabbit_stream_queue.erl settle).
 */
import { deadLetter } from './arrival';
import { closeChannel, closeConnection } from './channels';
import { REPLY } from './constants';
import type { RabbitEffect, RabbitStep } from './effects';
import { putBack } from './putBack';
import { withChannel, type RabbitState, type Unacked } from './rabbitState';

type Step = RabbitStep;

function pick(s: RabbitState, channel: string, deliveryTag: number, multiple: boolean): readonly Unacked[] | null {
  const ch = s.channels[channel]!;
  if (multiple) {
    const upTo = deliveryTag === 0 ? Infinity : deliveryTag;
    const chosen = ch.unacked.filter((u) => u.deliveryTag <= upTo);
    return deliveryTag !== 0 && !ch.unacked.some((u) => u.deliveryTag === deliveryTag) ? null : chosen;
  }
  const one = ch.unacked.find((u) => u.deliveryTag === deliveryTag);
  return one ? [one] : null;
}

function remove(s: RabbitState, channel: string, items: readonly Unacked[]): RabbitState {
  const ch = s.channels[channel]!;
  return withChannel(s, { ...ch, unacked: ch.unacked.filter((u) => !items.includes(u)) });
}

const unknownTag = (s: RabbitState, channel: string, tag: number, now: number): Step =>
  closeChannel(s, channel, now, REPLY.preconditionFailed, `PRECONDITION_FAILED - unknown delivery tag ${tag}`);

export function ack(s: RabbitState, channel: string, deliveryTag: number, multiple: boolean, now: number): Step {
  const items = pick(s, channel, deliveryTag, multiple);
  if (!items) return unknownTag(s, channel, deliveryTag, now);
  return {
    state: remove(s, channel, items),
    effects: items.map((u) => ({
      kind: 'rabbitmq-acked' as const,
      channel,
      deliveryTag: u.deliveryTag,
      messageId: u.entry.message.id,
      body: u.entry.message.body,
      reason:
        u.offset !== null
          ? `'${u.entry.message.body}' acknowledged: the stream keeps it, the ack only lets ${u.consumerTag} read more`
          : `'${u.entry.message.body}' acknowledged on channel ${channel}: ${u.queue} forgets it`,
    })),
  };
}

/** nack (possibly multiple) or reject: requeue, or dead-letter with reason `rejected`. */
export function nack(
  s0: RabbitState,
  channel: string,
  deliveryTag: number,
  multiple: boolean,
  requeue: boolean,
  now: number,
  verb: 'nack' | 'reject',
): Step {
  const items = pick(s0, channel, deliveryTag, multiple);
  if (!items) return unknownTag(s0, channel, deliveryTag, now);
  const onStream = items.find((u) => u.offset !== null);
  if (onStream)
    return closeConnection(
      s0,
      s0.channels[channel]!.connection,
      now,
      REPLY.notImplemented,
      `NOT_IMPLEMENTED - basic.nack and basic.reject not supported by stream queues '${onStream.queue}'`,
    );
  let s = remove(s0, channel, items);
  if (requeue) return putBack(s, items, 'nack', `basic.${verb} with requeue`, now);
  const effects: RabbitEffect[] = [];
  for (const u of items) {
    const r = deadLetter(s, u.queue, u.entry, 'rejected', now);
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}
