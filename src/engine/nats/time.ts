/**
 * Everything the server does on a timer, run on the simulated clock: ack wait expiry (a pending message
 * joins the redelivery queue; server/consumer.go checkPending), max_age expiry, the duplicate window,
 * and deletion of idle ephemeral consumers. Push consumers then deliver what became available.
 */
import { deleteConsumer } from './consumer';
import { pushAll } from './delivery';
import type { NatsEffect } from './effects';
import { firstSeq, withConsumer, withStream, type NatsConsumer, type NatsState, type NatsStream } from './natsState';
import { expireByAge } from './retention';
import type { NatsStep } from './step';

/** server/consumer.go checkPending: expired acks join the redelivery queue in stream order, and their clocks
 * move on by the same offset so their relative order is kept. Entries below the stream's first sequence go. */
function expireAcks(
  stream: NatsStream,
  c0: NatsConsumer,
  now: number,
): { consumer: NatsConsumer; effects: NatsEffect[] } {
  if (c0.config.ackPolicy === 'none') return { consumer: c0, effects: [] };
  const first = firstSeq(stream);
  const pending = { ...c0.pending };
  const redelivered = { ...c0.redelivered };
  let queue = c0.redeliverQueue;
  const expired: number[] = [];
  for (const [key, p] of Object.entries(pending)) {
    const seq = Number(key);
    if (seq < first) {
      delete pending[seq];
      delete redelivered[seq];
      queue = queue.filter((s) => s !== seq);
      continue;
    }
    if (now - p.ts >= c0.config.ackWaitMs && !queue.includes(seq)) expired.push(seq);
  }
  expired.sort((a, b) => a - b);
  const effects: NatsEffect[] = [];
  if (expired.length > 0) {
    const off = now - pending[expired[0]!]!.ts;
    for (const seq of expired) {
      pending[seq] = { ...pending[seq]!, ts: pending[seq]!.ts + off };
      effects.push({
        kind: 'nats-redelivery-due',
        stream: stream.config.name,
        consumer: c0.name,
        seq,
        reason: `no ack for seq ${seq} within ${c0.config.ackWaitMs} ms (ack wait): ${c0.name} will redeliver it`,
      });
    }
    queue = [...queue, ...expired];
  }
  return { consumer: { ...c0, pending, redelivered, redeliverQueue: queue }, effects };
}

export function advanceTo(state: NatsState, now: number): NatsStep {
  let next = state;
  const effects: NatsEffect[] = [];
  for (const name of Object.keys(state.streams)) {
    const aged = expireByAge(next.streams[name]!, now);
    let s: NatsStream = {
      ...aged.stream,
      dedup: aged.stream.dedup.filter((d) => now - d.time < aged.stream.config.duplicateWindowMs),
    };
    effects.push(...aged.effects);
    for (const c of Object.values(s.consumers)) {
      const expired = expireAcks(s, c, now);
      s = withConsumer(s, expired.consumer);
      effects.push(...expired.effects);
    }
    next = withStream(next, s);
    for (const c of Object.values(s.consumers)) {
      const { durable, inactiveThresholdMs, deliverSubject } = c.config;
      const subscribed = deliverSubject !== null && next.subscriptions.some((sub) => sub.subject === deliverSubject);
      if (durable || inactiveThresholdMs <= 0 || subscribed || now - c.lastActive <= inactiveThresholdMs) continue;
      const gone = deleteConsumer(
        next,
        { stream: name, consumer: c.name },
        `ephemeral consumer ${c.name} had no activity for over ${inactiveThresholdMs} ms (inactive threshold): the server deleted it`,
      );
      next = gone.state;
      effects.push(...gone.effects);
    }
  }
  const pushed = pushAll(next, now);
  return { state: pushed.state, effects: [...effects, ...pushed.effects] };
}
