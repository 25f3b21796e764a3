/**
 * Handing out messages: pull consumers on a fetch, push consumers as soon as something is available and
 * someone subscribes to their deliver subject. Redeliveries (nak, expired ack wait) go first, then new
 * messages in stream order. A port of server/consumer.go getNextMsg, deliverMsg and trackPending.
 */
import { numPending } from './consumer';
import type { NatsEffect } from './effects';
import {
  withConsumer,
  withStream,
  type NatsConsumer,
  type NatsState,
  type NatsStream,
  type StoredMessage,
} from './natsState';
import { afterAck, matchesFilter } from './retention';
import { rejected, type NatsStep } from './step';
import { subjectMatches } from './subjects';

type Next =
  | { consumer: NatsConsumer; msg: StoredMessage; dc: number; effects: NatsEffect[] }
  | { consumer: NatsConsumer; msg: null; effects: NatsEffect[] };

/** server/consumer.go getNextMsg. */
function nextMessage(stream: NatsStream, start: NatsConsumer): Next {
  let c = start;
  const effects: NatsEffect[] = [];
  while (c.redeliverQueue.length > 0) {
    const seq = c.redeliverQueue[0]!;
    const count = (c.redelivered[seq] ?? 0) + 1;
    c = { ...c, redeliverQueue: c.redeliverQueue.slice(1), redelivered: { ...c.redelivered, [seq]: count } };
    const dc = count + 1;
    if (c.config.maxDeliver > 0 && dc > c.config.maxDeliver) {
      if (dc === c.config.maxDeliver + 1)
        effects.push({
          kind: 'nats-max-deliver',
          stream: stream.config.name,
          consumer: c.name,
          seq,
          deliveries: dc - 1,
          reason: `seq ${seq} was delivered ${dc - 1} times (max_deliver ${c.config.maxDeliver}) without an ack: ${c.name} stops trying and it no longer counts as ack pending; the message itself stays in the stream`,
        });
      const pending = { ...c.pending };
      delete pending[seq];
      c = { ...c, pending };
      continue;
    }
    const msg = stream.messages.find((m) => m.seq === seq);
    return msg ? { consumer: c, msg, dc, effects } : { consumer: c, msg: null, effects };
  }
  let seq = c.sseq;
  if (c.skipList && c.skipList.seqs.length > 0) {
    seq = c.skipList.seqs[0]!;
    c =
      c.skipList.seqs.length === 1
        ? { ...c, sseq: c.skipList.resume, skipList: null }
        : { ...c, skipList: { ...c.skipList, seqs: c.skipList.seqs.slice(1) } };
  }
  if (c.config.maxAckPending > 0 && Object.keys(c.pending).length >= c.config.maxAckPending)
    return { consumer: c, msg: null, effects };
  const msg = stream.messages.find((m) => m.seq >= seq && matchesFilter(c.config.filterSubject, m.subject));
  const reached = msg ? msg.seq : stream.lastSeq;
  if (reached >= c.sseq) c = { ...c, sseq: reached + 1 };
  return msg ? { consumer: c, msg, dc: 1, effects } : { consumer: c, msg: null, effects };
}

/** server/consumer.go deliverMsg: takes a consumer sequence, tracks the pending ack, builds the ack reply. */
function deliver(
  stream: NatsStream,
  c0: NatsConsumer,
  msg: StoredMessage,
  dc: number,
  now: number,
): { stream: NatsStream; effects: NatsEffect[] } {
  const dseq = c0.dseq;
  let c: NatsConsumer = { ...c0, dseq: dseq + 1 };
  if (c.config.ackPolicy === 'none') c = { ...c, ackFloorConsumer: dseq, ackFloorStream: msg.seq };
  else {
    const p = c.pending[msg.seq];
    // A redelivery keeps the consumer sequence of the first delivery in the pending list; only the clock restarts.
    c = { ...c, pending: { ...c.pending, [msg.seq]: { dseq: p ? p.dseq : dseq, ts: now } } };
  }
  const pending = numPending(stream, c);
  const name = stream.config.name;
  const ackReply = `$JS.ACK.${name}.${c.name}.${dc}.${msg.seq}.${dseq}.${msg.time * 1_000_000}.${pending}`;
  const again =
    dc > 1 ? `redelivery ${dc - 1} of seq ${msg.seq} (delivery count ${dc}, redelivered flag set)` : `seq ${msg.seq}`;
  const ackNote =
    c.config.ackPolicy === 'none'
      ? 'ack policy none: counted as acknowledged on delivery'
      : `ack within ${c.config.ackWaitMs} ms or it comes back`;
  const effects: NatsEffect[] = [
    {
      kind: 'nats-js-delivered',
      stream: name,
      consumer: c.name,
      subject: msg.subject,
      data: msg.data,
      seq: msg.seq,
      consumerSeq: dseq,
      deliveryCount: dc,
      redelivered: dc > 1,
      pending,
      ackReply,
      reason: `${c.name} got ${again} as consumer seq ${dseq}; ${ackNote}`,
    },
  ];
  let next = withConsumer(stream, c);
  if (c.config.ackPolicy === 'none') {
    const after = afterAck(next, c.name, msg.seq);
    next = after.stream;
    effects.push(...after.effects);
  }
  return { stream: next, effects };
}

/** Delivers up to `max` messages to consumer `name` (fewer when nothing more is available or max_ack_pending stalls it). */
function deliverUpTo(
  stream: NatsStream,
  name: string,
  max: number,
  now: number,
): { stream: NatsStream; effects: NatsEffect[]; count: number } {
  let s = stream;
  const effects: NatsEffect[] = [];
  let count = 0;
  while (count < max) {
    const c = s.consumers[name];
    if (!c) break;
    const next = nextMessage(s, c);
    s = withConsumer(s, next.consumer);
    effects.push(...next.effects);
    if (!next.msg) break;
    const d = deliver(s, next.consumer, next.msg, next.dc, now);
    s = d.stream;
    effects.push(...d.effects);
    count++;
  }
  return { stream: s, effects, count };
}

/**
 * A pull request with no_wait and a batch size: the messages available now, up to `batch`. With nothing
 * to deliver the server answers 404 "No Messages" (or, when messages exist but cannot go out — max_ack_pending
 * reached — the request would wait for its expiry: 408).
 */
export function fetch(
  state: NatsState,
  req: { stream: string; consumer: string; batch?: number },
  now: number,
): NatsStep {
  const stream = state.streams[req.stream];
  const c = stream?.consumers[req.consumer];
  if (!stream || !c)
    return rejected(
      state,
      'fetch',
      'consumer not found',
      10014,
      `there is no consumer ${req.consumer} on ${req.stream}`,
    );
  if (c.config.deliverSubject !== null)
    return rejected(
      state,
      'fetch',
      'Consumer is push based',
      409,
      `${c.name} is a push consumer: it delivers to ${c.config.deliverSubject}, nobody fetches from it`,
    );
  const waiting = numPending(stream, c) + c.redeliverQueue.length;
  const active = withConsumer(stream, { ...c, lastActive: now });
  if (waiting === 0)
    return {
      state: withStream(state, active),
      effects: [
        {
          kind: 'nats-fetch-empty',
          stream: req.stream,
          consumer: c.name,
          status: 404,
          reason: `nothing for ${c.name} to deliver: 404 No Messages`,
        },
      ],
    };
  const got = deliverUpTo(active, c.name, req.batch ?? 1, now);
  const effects = got.effects;
  if (got.count === 0)
    effects.push({
      kind: 'nats-fetch-empty',
      stream: req.stream,
      consumer: c.name,
      status: 408,
      reason: `${c.name} has messages it may not send now (max_ack_pending ${c.config.maxAckPending} reached, or only redeliveries past max_deliver): the request waits until it expires`,
    });
  return { state: withStream(state, got.stream), effects };
}

/** Push consumers deliver whatever is available while someone subscribes to their deliver subject. */
export function pushAll(state: NatsState, now: number): NatsStep {
  let next = state;
  const effects: NatsEffect[] = [];
  for (const stream of Object.values(state.streams)) {
    let s = next.streams[stream.config.name]!;
    for (const c of Object.values(stream.consumers)) {
      const subject = c.config.deliverSubject;
      if (subject === null || !next.subscriptions.some((sub) => subjectMatches(sub.subject, subject))) continue;
      s = withConsumer(s, { ...s.consumers[c.name]!, lastActive: now });
      const got = deliverUpTo(s, c.name, Number.MAX_SAFE_INTEGER, now);
      s = got.stream;
      effects.push(...got.effects);
    }
    next = withStream(next, s);
  }
  return { state: next, effects };
}
