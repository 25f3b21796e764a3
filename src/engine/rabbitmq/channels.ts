/**
 * Channels: opening one, basic.qos, and closing one — by the client, by a crash of its connection, or by
 * the broker after a channel error (unknown delivery tag, consumer timeout, …). Closing cancels the
 * channel's consumers and requeues every message it had not acknowledged
 * (https://www.rabbitmq.com/confirms.html#automatic-requeueing).
 */
import { removeConsumer } from './consumers';
import type { RabbitEffect, RabbitStep } from './effects';
import { putBack } from './putBack';
import { withChannel, withQueue, type RabbitState } from './rabbitState';

type Step = RabbitStep;

export function openChannel(s: RabbitState, id: string, connection: string): Step {
  const ch = { id, connection, prefetch: 0, globalPrefetch: 0, nextDeliveryTag: 1, unacked: [] };
  return {
    state: withChannel(s, ch),
    effects: [
      {
        kind: 'rabbitmq-channel-opened',
        channel: id,
        connection,
        reason: `channel ${id} opened on connection ${connection}; its delivery tags count from 1`,
      },
    ],
  };
}

/** basic.qos: global=false sets the prefetch of consumers started afterwards; global=true limits the whole channel. */
export function setQos(s: RabbitState, id: string, prefetch: number, global: boolean): Step {
  const ch = s.channels[id]!;
  const next = global ? { ...ch, globalPrefetch: prefetch } : { ...ch, prefetch };
  const what = prefetch === 0 ? 'no limit' : `at most ${prefetch} unacknowledged`;
  return {
    state: withChannel(s, next),
    effects: [
      {
        kind: 'rabbitmq-qos',
        channel: id,
        prefetch,
        global,
        reason: global
          ? `channel ${id}: ${what} messages across all its consumers (basic.qos global)`
          : `channel ${id}: each consumer started from now on holds ${what} messages (basic.qos)`,
      },
    ],
  };
}

/** What closing a channel does to its unacknowledged messages, in words true for any count. */
function requeueText(n: number): string {
  if (n === 0) return 'with no unacknowledged messages: nothing is requeued';
  return n === 1
    ? 'with 1 unacknowledged message: it is requeued'
    : `with ${n} unacknowledged messages: they are requeued`;
}

/** Closes a channel: its consumers go, its unacked messages are requeued. `code` null = the client closed it. */
export function closeChannel(s0: RabbitState, id: string, now: number, code: number | null, text: string): Step {
  const ch = s0.channels[id];
  if (!ch) return { state: s0, effects: [] };
  let s = s0;
  const effects: RabbitEffect[] = [
    {
      kind: 'rabbitmq-channel-closed',
      channel: id,
      replyCode: code,
      replyText: text,
      reason:
        code === null
          ? `channel ${id} closed (${text}) ${requeueText(ch.unacked.length)}`
          : `the broker closed channel ${id} with ${code} ${text} ${requeueText(ch.unacked.length)}`,
    },
  ];
  for (const c of Object.values(s0.consumers))
    if (c.channel === id) {
      const r = removeConsumer(s, c.tag);
      s = r.state;
      effects.push(...r.effects);
    }
  const channels = { ...s.channels };
  delete channels[id];
  s = { ...s, channels };
  // The queues this channel used hear it went down and run their delivery loop again (handle_ch_down).
  const touched = new Set([
    ...Object.values(s0.consumers)
      .filter((c) => c.channel === id)
      .map((c) => c.queue),
    ...ch.unacked.map((u) => u.queue),
  ]);
  for (const name of touched) {
    const q = s.queues[name];
    if (q?.stalled) s = withQueue(s, { ...q, stalled: false });
  }
  const r = putBack(s, ch.unacked, 'consumer-gone', `channel ${id} closed before they were acknowledged`, now);
  return { state: r.state, effects: [...effects, ...r.effects] };
}

/** A connection closes (or its client crashes): every channel on it closes. */
export function closeConnection(
  s0: RabbitState,
  connection: string,
  now: number,
  code: number | null,
  text: string,
): Step {
  let s = s0;
  const effects: RabbitEffect[] = [];
  for (const ch of Object.values(s0.channels))
    if (ch.connection === connection) {
      const r = closeChannel(s, ch.id, now, code, text);
      s = r.state;
      effects.push(...r.effects);
    }
  return { state: s, effects };
}
