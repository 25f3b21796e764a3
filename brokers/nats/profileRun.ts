/** Runs a differential script through the NATS profile (`apply`), on the simulated clock. */
import {
  apply,
  consumerInfo,
  createNats,
  type NatsEffect,
  type NatsRequest,
  type NatsState,
} from '../../src/engine/nats';
import type { Delivery, Rec, Step } from './script';

export function runProfile(script: readonly Step[]): Rec[] {
  let state: NatsState = createNats();
  let now = 0;
  let mark = 0;
  const recs: Rec[] = [];
  const replies = new Map<string, string>();
  const pushed = new Map<string, Delivery[]>();
  const step = (req: NatsRequest): NatsEffect[] => {
    const r = apply(state, req, now);
    state = r.state;
    for (const d of r.effects)
      if (d.kind === 'nats-js-delivered') {
        replies.set(`${d.consumer}/${d.seq}`, d.ackReply);
        const { subject, data, seq, consumerSeq, deliveryCount, redelivered, pending } = d;
        const delivery = { subject, data, seq, consumerSeq, deliveryCount, redelivered, pending };
        if (req.kind === 'fetch' && req.consumer === d.consumer) fetched.push(delivery);
        else pushed.set(d.consumer, [...(pushed.get(d.consumer) ?? []), delivery]);
      }
    return r.effects;
  };
  let fetched: Delivery[] = [];
  step({ kind: 'connect', client: 'test' });
  for (const s of script) {
    switch (s.do) {
      case 'stream': {
        const e = step({ kind: 'add-stream', ...s.config });
        recs.push({ step: 'stream', ok: !e.some((x) => x.kind === 'nats-rejected') });
        break;
      }
      case 'consumer': {
        const config = s.startAtMark ? { ...s.config, optStartTime: mark } : s.config;
        const e = step({ kind: 'add-consumer', ...config });
        const refused = e.find((x) => x.kind === 'nats-rejected');
        recs.push(refused ? { step: 'consumer', ok: false, code: refused.code } : { step: 'consumer', ok: true });
        break;
      }
      case 'mark':
        mark = now;
        break;
      case 'publish': {
        const headers = s.msgId ? { 'Nats-Msg-Id': s.msgId } : undefined;
        const e = step({
          kind: 'publish',
          client: 'test',
          subject: s.subject,
          data: s.data,
          ack: true,
          ...(headers ? { headers } : {}),
        });
        const refused = e.find((x) => x.kind === 'nats-rejected');
        const stored = e.find(
          (x) => x.kind === 'nats-stored' || x.kind === 'nats-duplicate' || x.kind === 'nats-not-stored',
        );
        if (refused) recs.push({ step: 'publish', error: refused.error });
        else if (stored && 'seq' in stored)
          recs.push({ step: 'publish', seq: stored.seq, duplicate: stored.kind === 'nats-duplicate' });
        break;
      }
      case 'fetch': {
        const stream = Object.values(state.streams).find((x) => x.consumers[s.consumer])!.config.name;
        fetched = [];
        step({ kind: 'fetch', stream, consumer: s.consumer, batch: s.batch });
        recs.push({ step: 'fetch', consumer: s.consumer, got: fetched });
        break;
      }
      case 'ack': {
        const ackReply = replies.get(`${s.consumer}/${s.seq}`)!;
        const e = step({
          kind: 'ack',
          ackReply,
          type: s.type,
          ...(s.delayMs ? { delayMs: s.delayMs } : {}),
          sync: s.sync ?? false,
        });
        if (s.sync) recs.push({ step: 'ack', confirmed: e.some((x) => x.kind === 'nats-ack-confirmed') });
        break;
      }
      case 'push-subscribe': {
        const c = Object.values(state.streams)
          .flatMap((x) => Object.values(x.consumers))
          .find((x) => x.name === s.consumer)!;
        step({ kind: 'subscribe', client: 'test', subject: c.config.deliverSubject! });
        break;
      }
      case 'received':
        recs.push({ step: 'fetch', consumer: s.consumer, got: pushed.get(s.consumer) ?? [] });
        pushed.delete(s.consumer);
        break;
      case 'wait':
        now += s.ms;
        step({ kind: 'advance' });
        break;
      case 'info': {
        const stream = Object.values(state.streams).find((x) => x.consumers[s.consumer])!.config.name;
        recs.push({ step: 'info', consumer: s.consumer, ...consumerInfo(state, stream, s.consumer) });
        break;
      }
      case 'stream-info': {
        const stream = Object.values(state.streams)[0]!;
        const messages = stream.messages.length;
        const firstSeq = messages > 0 ? stream.messages[0]!.seq : stream.lastSeq === 0 ? 0 : stream.lastSeq + 1;
        recs.push({ step: 'stream-info', messages, firstSeq, lastSeq: stream.lastSeq });
      }
    }
  }
  return recs;
}
