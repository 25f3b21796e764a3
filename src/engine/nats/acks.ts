/**
 * What a client sends to a message's ack reply subject: ack (+ACK), nak (-NAK, optionally with a delay),
 * term (+TERM), in progress (+WPI); and the double ack: an ack sent as a request gets an empty reply once
 * the server has processed it (nats.js ackAck, Go AckSync). A port of server/consumer.go processAck,
 * processNak, processTerm and progressUpdate. https://docs.nats.io/using-nats/developer/develop_jetstream/consumers
 */
import { applyAck } from './consumerAcks';
import type { NatsEffect } from './effects';
import { withConsumer, withStream, type NatsState, type NatsStream } from './natsState';
import { afterAck } from './retention';
import { rejected, type NatsStep } from './step';

export type AckKind = 'ack' | 'nak' | 'term' | 'in-progress';

export interface AckRequest {
  /** The reply subject the message came with: `$JS.ACK.<stream>.<consumer>.<delivered>.<sseq>.<dseq>.<ts>.<pending>`. */
  ackReply: string;
  type: AckKind;
  /** nak only: redeliver after this long instead of at once. */
  delayMs?: number;
  /** Double ack: wait for the server's confirmation. */
  sync?: boolean;
}

/** server/consumer.go replyInfo: nine tokens starting `$JS.ACK`. */
export function parseAckReply(
  reply: string,
): { stream: string; consumer: string; dc: number; sseq: number; dseq: number } | null {
  const t = reply.split('.');
  if (t.length !== 9 || t[0] !== '$JS' || t[1] !== 'ACK') return null;
  const [dc, sseq, dseq] = [t[4], t[5], t[6]].map((x) => (/^\d+$/.test(x!) ? Number(x) : -1)) as [
    number,
    number,
    number,
  ];
  return { stream: t[2]!, consumer: t[3]!, dc, sseq, dseq };
}

export function acknowledge(state: NatsState, req: AckRequest, now: number): NatsStep {
  const info = parseAckReply(req.ackReply);
  if (!info)
    return rejected(
      state,
      'ack',
      'not an ack reply subject',
      400,
      `'${req.ackReply}' is not a JetStream ack reply subject`,
    );
  const stream = state.streams[info.stream];
  const c = stream?.consumers[info.consumer];
  if (!stream || !c)
    return rejected(
      state,
      'ack',
      'consumer not found',
      10014,
      `consumer ${info.consumer} on ${info.stream} no longer exists: nobody receives this ack`,
    );
  const { sseq, dseq } = info;
  const ids = { stream: info.stream, consumer: info.consumer, seq: sseq };
  let next: NatsStream = stream;
  const effects: NatsEffect[] = [];
  if (req.type === 'ack' || req.type === 'term') {
    const outcome = applyAck(c, sseq, dseq);
    next = withConsumer(stream, outcome.consumer);
    if (outcome.changed) {
      const how = req.type === 'term' ? 'term' : c.config.ackPolicy === 'all' ? 'ack-all' : 'ack';
      const what =
        how === 'term'
          ? `terminated seq ${sseq}: it will not be redelivered, whatever its delivery count`
          : how === 'ack-all'
            ? `acknowledged seq ${sseq} and, with ack policy all, everything before it (${outcome.settled.join(', ')})`
            : `acknowledged seq ${sseq}`;
      effects.push({ kind: 'nats-acked', ...ids, how, settled: outcome.settled, reason: `${c.name} ${what}` });
      for (const s of outcome.settled) {
        const after = afterAck(next, c.name, s);
        next = after.stream;
        effects.push(...after.effects);
      }
    }
  } else if (req.type === 'nak') {
    const valid =
      !(dseq <= c.ackFloorConsumer || dseq > c.dseq) &&
      (Object.keys(c.pending).length === 0 || c.pending[sseq] !== undefined);
    if (valid) {
      const p = c.pending[sseq];
      if (req.delayMs !== undefined && req.delayMs > 0) {
        const pending = p
          ? { ...c.pending, [sseq]: { dseq: p.dseq, ts: now - c.config.ackWaitMs + req.delayMs } }
          : c.pending;
        next = withConsumer(stream, { ...c, pending, redeliverQueue: c.redeliverQueue.filter((s) => s !== sseq) });
      } else if (!c.redeliverQueue.includes(sseq)) {
        next = withConsumer(stream, { ...c, redeliverQueue: [...c.redeliverQueue, sseq] });
      }
      const when = req.delayMs ? `after ${req.delayMs} ms` : 'at the next delivery, before any new message';
      effects.push({
        kind: 'nats-nak',
        ...ids,
        delayMs: req.delayMs ?? null,
        reason: `${c.name} refused seq ${sseq} (nak): it is redelivered ${when}`,
      });
    }
  } else {
    const p = c.pending[sseq];
    if (p) {
      next = withConsumer(stream, { ...c, pending: { ...c.pending, [sseq]: { ...p, ts: now } } });
      effects.push({
        kind: 'nats-in-progress',
        ...ids,
        reason: `${c.name} is still working on seq ${sseq}: its ${c.config.ackWaitMs} ms ack wait starts again`,
      });
    }
  }
  if (req.sync && sseq > 0)
    effects.push({
      kind: 'nats-ack-confirmed',
      ...ids,
      reason: `the server processed ${c.name}'s ${req.type} of seq ${sseq} and replied (double ack); the reply says it was received, not that it was the first ack`,
    });
  return { state: withStream(state, next), effects };
}
