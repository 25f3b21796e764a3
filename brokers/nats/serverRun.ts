/**
 * Runs a differential script against a real nats-server with the official client (nats.js 2.29): the
 * JetStream manager for streams and consumers, `js.publish` for publishes with their acks, pull requests
 * with `no_wait` for fetches (as the profile models them), and nats.js's JsMsg for acks.
 */
import {
  connect,
  createInbox,
  headers,
  nanos,
  type ConsumerConfig,
  type JsMsg,
  type NatsConnection,
  type StreamConfig,
} from 'nats';
import { toJsMsg } from 'nats/lib/jetstream/jsmsg';
import type { ConsumerRequest, StreamRequest } from '../../src/engine/nats';
import type { Delivery, Rec, Step } from './script';

/** How long a fetch waits for more when the server neither delivers nor ends the request (max_ack_pending stall). */
const STALLED_FETCH_MS = 300;
/** How long to let push deliveries arrive before recording them. */
const PUSH_SETTLE_MS = 100;

function streamConfig(c: StreamRequest): Partial<StreamConfig> {
  return {
    name: c.name,
    subjects: [...(c.subjects ?? [c.name])],
    ...(c.retention ? { retention: c.retention as StreamConfig['retention'] } : {}),
    ...(c.maxMsgs ? { max_msgs: c.maxMsgs } : {}),
    ...(c.maxBytes ? { max_bytes: c.maxBytes } : {}),
    ...(c.maxAgeMs ? { max_age: nanos(c.maxAgeMs) } : {}),
    ...(c.discard ? { discard: c.discard as StreamConfig['discard'] } : {}),
    ...(c.duplicateWindowMs ? { duplicate_window: nanos(c.duplicateWindowMs) } : {}),
    ...(c.storage ? { storage: c.storage as StreamConfig['storage'] } : {}),
  };
}

function consumerConfig(c: ConsumerRequest & { name: string }, startTime: number | null): Partial<ConsumerConfig> {
  return {
    durable_name: c.name,
    ack_policy: c.ackPolicy as ConsumerConfig['ack_policy'],
    ...(c.ackWaitMs ? { ack_wait: nanos(c.ackWaitMs) } : {}),
    ...(c.maxDeliver ? { max_deliver: c.maxDeliver } : {}),
    ...(c.maxAckPending ? { max_ack_pending: c.maxAckPending } : {}),
    ...(c.deliverPolicy ? { deliver_policy: c.deliverPolicy as ConsumerConfig['deliver_policy'] } : {}),
    ...(c.optStartSeq ? { opt_start_seq: c.optStartSeq } : {}),
    ...(startTime !== null ? { opt_start_time: new Date(startTime).toISOString() } : {}),
    ...(c.filterSubject ? { filter_subject: c.filterSubject } : {}),
    ...(c.deliverSubject ? { deliver_subject: c.deliverSubject } : {}),
  };
}

interface Pulled {
  js: JsMsg;
  /** The ack reply subject the message came with. */
  reply: string;
}

/** One pull request (batch, no_wait): what the server sends until it ends the request with a status. */
async function pull(nc: NatsConnection, stream: string, consumer: string, batch: number): Promise<Pulled[]> {
  const inbox = createInbox();
  const sub = nc.subscribe(inbox);
  const got: Pulled[] = [];
  const timer = setTimeout(() => sub.unsubscribe(), STALLED_FETCH_MS);
  nc.publish(`$JS.API.CONSUMER.MSG.NEXT.${stream}.${consumer}`, JSON.stringify({ batch, no_wait: true }), {
    reply: inbox,
  });
  for await (const m of sub) {
    if (m.headers && m.headers.code > 0) break; // 404 No Messages / 408 Request Timeout end the request
    got.push({ js: toJsMsg(m), reply: m.reply ?? '' });
    if (got.length === batch) break;
  }
  clearTimeout(timer);
  if (!sub.isClosed()) sub.unsubscribe();
  // The server drops a waiting request whose inbox has no subscriber; make sure it saw the unsubscribe.
  await nc.flush();
  return got;
}

const delivery = (m: JsMsg): Delivery => ({
  subject: m.subject,
  data: m.string(),
  seq: m.info.streamSequence,
  consumerSeq: m.info.deliverySequence,
  deliveryCount: m.info.redeliveryCount,
  redelivered: m.redelivered,
  pending: m.info.pending,
});

const ACK_PAYLOAD = { ack: '+ACK', nak: '-NAK', term: '+TERM', 'in-progress': '+WPI' } as const;

export async function runServer(url: string, script: readonly Step[]): Promise<Rec[]> {
  const nc = await connect({ servers: url });
  const jsm = await nc.jetstreamManager();
  const js = nc.jetstream();
  const recs: Rec[] = [];
  const last = new Map<string, Pulled>();
  const streamOf = new Map<string, string>();
  const streams: string[] = [];
  let mark = 0;
  const pushed = new Map<string, Pulled[]>();
  const deliverTo = new Map<string, string>();
  try {
    for (const s of script) {
      switch (s.do) {
        case 'stream':
          await jsm.streams.add(streamConfig(s.config));
          streams.push(s.config.name);
          recs.push({ step: 'stream', ok: true });
          break;
        case 'consumer':
          try {
            await jsm.consumers.add(s.config.stream, consumerConfig(s.config, s.startAtMark ? mark : null));
            streamOf.set(s.config.name, s.config.stream);
            if (s.config.deliverSubject) deliverTo.set(s.config.name, s.config.deliverSubject);
            recs.push({ step: 'consumer', ok: true });
          } catch (e) {
            recs.push({
              step: 'consumer',
              ok: false,
              code: (e as { api_error?: { err_code: number } }).api_error?.err_code ?? -1,
            });
          }
          break;
        case 'mark':
          mark = Date.now();
          break;
        case 'publish': {
          const h = headers();
          if (s.msgId) h.set('Nats-Msg-Id', s.msgId);
          try {
            const ack = await js.publish(s.subject, s.data, s.msgId ? { headers: h } : {});
            recs.push({ step: 'publish', seq: ack.seq, duplicate: ack.duplicate });
          } catch (e) {
            // nats.js names a JetStream API error by its status code ("503"); the server's words are in api_error.
            const err = e as Error & { code?: string; api_error?: { description: string } };
            recs.push({
              step: 'publish',
              error: err.api_error?.description ?? (err.code === '503' ? 'no responders' : err.message),
            });
          }
          break;
        }
        case 'fetch': {
          const got = await pull(nc, streamOf.get(s.consumer)!, s.consumer, s.batch);
          for (const m of got) last.set(`${s.consumer}/${m.js.info.streamSequence}`, m);
          recs.push({ step: 'fetch', consumer: s.consumer, got: got.map((m) => delivery(m.js)) });
          break;
        }
        case 'ack': {
          const m = last.get(`${s.consumer}/${s.seq}`)!;
          // Every ack is sent as a request so the next step starts after the server processed it (the
          // server handles an ack the same with or without a reply subject; it only adds the reply).
          if (s.type === 'ack' && s.sync) {
            recs.push({ step: 'ack', confirmed: await m.js.ackAck() });
            break;
          }
          const body =
            s.type === 'nak' && s.delayMs ? `-NAK ${JSON.stringify({ delay: nanos(s.delayMs) })}` : ACK_PAYLOAD[s.type];
          await nc.request(m.reply, body, { timeout: 2000 });
          if (s.sync) recs.push({ step: 'ack', confirmed: true });
          break;
        }
        case 'push-subscribe': {
          const name = s.consumer;
          pushed.set(name, []);
          nc.subscribe(deliverTo.get(name)!, {
            callback: (_err, m) => pushed.get(name)!.push({ js: toJsMsg(m), reply: m.reply ?? '' }),
          });
          await nc.flush();
          break;
        }
        case 'received': {
          // Push deliveries arrive on their own; give the server a moment after the last step.
          await new Promise((r) => setTimeout(r, PUSH_SETTLE_MS));
          const got = pushed.get(s.consumer) ?? [];
          pushed.set(s.consumer, []);
          for (const m of got) last.set(`${s.consumer}/${m.js.info.streamSequence}`, m);
          recs.push({ step: 'fetch', consumer: s.consumer, got: got.map((m) => delivery(m.js)) });
          break;
        }
        case 'wait':
          await new Promise((r) => setTimeout(r, s.ms));
          break;
        case 'info': {
          const i = await jsm.consumers.info(streamOf.get(s.consumer)!, s.consumer);
          recs.push({
            step: 'info',
            consumer: s.consumer,
            numPending: i.num_pending,
            numAckPending: i.num_ack_pending,
            numRedelivered: i.num_redelivered,
            delivered: { consumerSeq: i.delivered.consumer_seq, streamSeq: i.delivered.stream_seq },
            ackFloor: { consumerSeq: i.ack_floor.consumer_seq, streamSeq: i.ack_floor.stream_seq },
          });
          break;
        }
        case 'stream-info': {
          const i = await jsm.streams.info(streams[0]!);
          recs.push({
            step: 'stream-info',
            messages: i.state.messages,
            firstSeq: i.state.first_seq,
            lastSeq: i.state.last_seq,
          });
        }
      }
    }
  } finally {
    for (const name of streams) await jsm.streams.delete(name).catch(() => false);
    await nc.close();
  }
  return recs;
}
