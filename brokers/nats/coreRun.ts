/**
 * Core NATS scripts for the differential tests: subscriptions (plain, queue group, echo responders),
 * publishes and requests, run through the profile and through nats-server with nats.js. The transcript
 * is what each subscriber received, in order, and what each request got back.
 */
import { connect, type NatsConnection } from 'nats';
import { apply, createNats, type NatsEffect, type NatsRequest, type NatsState } from '../../src/engine/nats';

export type CoreStep =
  | { do: 'sub'; who: string; subject: string; queue?: string }
  /** A subscription that answers every request with `re:<data>`. */
  | { do: 'responder'; who: string; subject: string; queue?: string }
  | { do: 'pub'; subject: string; data: string }
  | { do: 'request'; subject: string; data: string };

export interface CoreTranscript {
  /** Subscriber → data received, in order. */
  got: Record<string, string[]>;
  /** Queue group → how many messages its members received in all. */
  groups: Record<string, number>;
  /** Each request's answer: the reply's data, or `503` for no responders. */
  replies: string[];
}

const empty = (script: readonly CoreStep[]): CoreTranscript => {
  const got: Record<string, string[]> = {};
  const groups: Record<string, number> = {};
  for (const s of script)
    if (s.do === 'sub' || s.do === 'responder') {
      got[s.who] = [];
      if (s.queue) groups[s.queue] = 0;
    }
  return { got, groups, replies: [] };
};

export function runCoreProfile(script: readonly CoreStep[]): CoreTranscript {
  const out = empty(script);
  let state: NatsState = createNats();
  const responders = new Set<string>();
  const queueOf = new Map<string, string>();
  const step = (req: NatsRequest): NatsEffect[] => {
    const r = apply(state, req, 0);
    state = r.state;
    const effects = [...r.effects];
    for (const e of r.effects) {
      if (e.kind !== 'nats-delivered' || e.status !== null || !(e.client in out.got)) continue;
      out.got[e.client]!.push(e.data);
      const q = queueOf.get(e.client);
      if (q) out.groups[q]! += 1;
      if (responders.has(e.client) && e.reply)
        effects.push(...step({ kind: 'publish', client: e.client, subject: e.reply, data: `re:${e.data}` }));
    }
    return effects;
  };
  step({ kind: 'connect', client: 'publisher' });
  for (const s of script) {
    if (s.do === 'sub' || s.do === 'responder') {
      if (!state.clients[s.who]) step({ kind: 'connect', client: s.who });
      if (s.do === 'responder') responders.add(s.who);
      if (s.queue) queueOf.set(s.who, s.queue);
      step({ kind: 'subscribe', client: s.who, subject: s.subject, ...(s.queue ? { queue: s.queue } : {}) });
    } else if (s.do === 'pub') step({ kind: 'publish', client: 'publisher', subject: s.subject, data: s.data });
    else {
      const answer = step({ kind: 'request', client: 'publisher', subject: s.subject, data: s.data }).find(
        (e) => e.kind === 'nats-delivered' && e.client === 'publisher',
      );
      out.replies.push(
        answer?.kind === 'nats-delivered' ? (answer.status !== null ? String(answer.status) : answer.data) : 'none',
      );
    }
  }
  return out;
}

export async function runCoreServer(url: string, script: readonly CoreStep[]): Promise<CoreTranscript> {
  const out = empty(script);
  const publisher = await connect({ servers: url });
  const conns = new Map<string, NatsConnection>();
  try {
    for (const s of script) {
      if (s.do === 'sub' || s.do === 'responder') {
        const nc = conns.get(s.who) ?? (await connect({ servers: url }));
        conns.set(s.who, nc);
        const { who, queue } = s;
        const responder = s.do === 'responder';
        nc.subscribe(s.subject, {
          ...(queue ? { queue } : {}),
          callback: (_err, m) => {
            out.got[who]!.push(m.string());
            if (queue) out.groups[queue]! += 1;
            if (responder) m.respond(`re:${m.string()}`);
          },
        });
        await nc.flush();
      } else if (s.do === 'pub') publisher.publish(s.subject, s.data);
      else {
        try {
          const reply = await publisher.request(s.subject, s.data, { timeout: 2000 });
          out.replies.push(reply.string());
        } catch (e) {
          out.replies.push((e as { code?: string }).code === '503' ? '503' : 'none');
        }
      }
    }
    // The server has routed every publish once the publisher's PING is answered; each subscriber has then
    // received its messages once its own PING is answered (they come before the PONG on its connection).
    await publisher.flush();
    for (const nc of conns.values()) await nc.flush();
  } finally {
    for (const nc of conns.values()) await nc.close();
    await publisher.close();
  }
  return out;
}
