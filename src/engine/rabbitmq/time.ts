/**
 * What happens as simulated time passes: messages whose TTL ran out leave from the head of their queue,
 * and a channel whose oldest unacknowledged delivery is older than `consumer_timeout` is closed by the
 * broker (rabbit_channel.erl evaluate_consumer_timeout, v3.10.8: `Time < Now - Timeout`), which requeues
 * everything it held. Events are taken in time order, so a message requeued by a timeout can be
 * redelivered and time out again within one call.
 */
import { closeChannel } from './channels';
import { REPLY } from './constants';
import { dispatch } from './dispatch';
import type { RabbitEffect } from './effects';
import { head } from './queueOrder';
import type { RabbitState } from './rabbitState';

function nextEvent(s: RabbitState): { at: number; channel: string | null } | null {
  let best: { at: number; channel: string | null } | null = null;
  for (const q of Object.values(s.queues)) {
    const at = head(q)?.expiresAt ?? null;
    if (at !== null && (!best || at < best.at)) best = { at, channel: null };
  }
  const timeout = s.config.consumerTimeoutMs;
  if (timeout !== null)
    for (const ch of Object.values(s.channels)) {
      const oldest = ch.unacked[0];
      // The first whole millisecond at which the delivery is strictly older than the timeout.
      const at = oldest ? oldest.deliveredAt + timeout + 1 : null;
      if (at !== null && (!best || at < best.at)) best = { at, channel: ch.id };
    }
  return best;
}

export function advanceTo(s0: RabbitState, now: number): { state: RabbitState; effects: RabbitEffect[] } {
  let s = s0;
  const effects: RabbitEffect[] = [];
  for (let e = nextEvent(s); e !== null && e.at <= now; e = nextEvent(s)) {
    if (e.channel !== null) {
      const timeout = s.config.consumerTimeoutMs;
      const r = closeChannel(
        s,
        e.channel,
        e.at,
        REPLY.preconditionFailed,
        `PRECONDITION_FAILED - delivery acknowledgement on channel ${e.channel} timed out. Timeout value used: ${timeout} ms`,
      );
      s = r.state;
      effects.push(...r.effects);
    }
    const r = dispatch(s, e.at);
    s = r.state;
    effects.push(...r.effects);
  }
  return { state: s, effects };
}
