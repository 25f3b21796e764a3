/**
 * Core NATS: subjects with wildcards, fire-and-forget publish (at most once: a message nobody is
 * subscribed to is gone), queue groups (one member per group gets each message), request-reply with
 * the 503 no-responders status, and the slow-consumer cut-off. https://docs.nats.io/nats-concepts/core-nats
 */
import { nextInt } from '../sim/random';
import { MAX_PAYLOAD_BYTES, MAX_PENDING_BYTES_DEFAULT, NO_RESPONDERS_STATUS } from './constants';
import type { NatsEffect } from './effects';
import { pendingBytes, type CoreSubscription, type NatsClient, type NatsState } from './natsState';
import { rejected, utf8Length, type NatsStep } from './step';
import { isLiteral, isValidSubject, subjectMatches } from './subjects';

export function connect(state: NatsState, req: { client: string; maxPendingBytes?: number }): NatsStep {
  const existing = state.clients[req.client];
  if (existing && !existing.closed)
    return rejected(state, 'connect', 'client already connected', 400, `${req.client} is already connected`);
  const client: NatsClient = {
    id: req.client,
    maxPendingBytes: req.maxPendingBytes ?? MAX_PENDING_BYTES_DEFAULT,
    unread: [],
    closed: false,
  };
  return {
    state: { ...state, clients: { ...state.clients, [req.client]: client } },
    effects: [{ kind: 'nats-connected', client: req.client, reason: `${req.client} connected to the server` }],
  };
}

const liveClient = (state: NatsState, id: string): NatsClient | null => {
  const c = state.clients[id];
  return c && !c.closed ? c : null;
};

export function subscribe(
  state: NatsState,
  req: { client: string; subject: string; queue?: string; sid?: string },
): NatsStep {
  if (!liveClient(state, req.client))
    return rejected(state, 'subscribe', 'not connected', 400, `${req.client} has no open connection`);
  if (!isValidSubject(req.subject))
    return rejected(state, 'subscribe', 'invalid subject', 400, `'${req.subject}' is not a valid subject`);
  const sid = req.sid ?? `sub${state.nextId}`;
  const sub: CoreSubscription = { sid, client: req.client, subject: req.subject, queue: req.queue ?? null };
  const group = req.queue ? ` in queue group ${req.queue} (each message goes to one member of the group)` : '';
  return {
    state: { ...state, subscriptions: [...state.subscriptions, sub], nextId: state.nextId + 1 },
    effects: [
      {
        kind: 'nats-subscribed',
        client: req.client,
        sid,
        subject: req.subject,
        queue: sub.queue,
        reason: `${req.client} subscribed to ${req.subject}${group}`,
      },
    ],
  };
}

export function unsubscribe(state: NatsState, req: { sid: string }): NatsStep {
  const sub = state.subscriptions.find((s) => s.sid === req.sid);
  if (!sub) return rejected(state, 'unsubscribe', 'unknown subscription', 404, `no subscription ${req.sid}`);
  return {
    state: { ...state, subscriptions: state.subscriptions.filter((s) => s.sid !== req.sid) },
    effects: [
      { kind: 'nats-unsubscribed', client: sub.client, sid: sub.sid, reason: `${sub.client} unsubscribed ${sub.sid}` },
    ],
  };
}

export interface CoreMessage {
  subject: string;
  data: string;
  reply: string | null;
  status?: number;
}

/**
 * Routes one message to the matching subscriptions: every plain subscription gets a copy, and each
 * queue group gets one copy for a member picked by the seeded generator (the real server picks at
 * random). Counts the bytes against each receiving client; past its limit the client is cut off as a
 * slow consumer and loses the message. Returns whether anyone matched.
 */
export function route(state: NatsState, msg: CoreMessage): NatsStep & { matched: boolean } {
  const matching = state.subscriptions.filter(
    (s) => liveClient(state, s.client) && subjectMatches(s.subject, msg.subject),
  );
  const targets: CoreSubscription[] = matching.filter((s) => s.queue === null);
  let rng = state.rng;
  const groups = [...new Set(matching.filter((s) => s.queue !== null).map((s) => s.queue!))];
  for (const g of groups) {
    const members = matching.filter((s) => s.queue === g);
    const [i, next] = nextInt(rng, members.length);
    rng = next;
    targets.push(members[i]!);
  }
  const effects: NatsEffect[] = [];
  const clients = { ...state.clients };
  let subscriptions = state.subscriptions;
  const size = utf8Length(msg.subject) + utf8Length(msg.data);
  for (const sub of targets) {
    const client = clients[sub.client]!;
    if (client.closed) continue;
    const pending = pendingBytes(client);
    if (pending + size > client.maxPendingBytes) {
      clients[sub.client] = { ...client, closed: true, unread: [] };
      subscriptions = subscriptions.filter((s) => s.client !== sub.client);
      effects.push({
        kind: 'nats-slow-consumer',
        client: sub.client,
        pendingBytes: pending,
        maxPendingBytes: client.maxPendingBytes,
        reason: `${sub.client} had ${pending} unread bytes and this message would pass its ${client.maxPendingBytes}-byte max_pending: the server closed the connection as a slow consumer, and the message is lost for it`,
      });
      continue;
    }
    clients[sub.client] = { ...client, unread: [...client.unread, size] };
    const why =
      msg.status === NO_RESPONDERS_STATUS
        ? `no subscriber matched the request, so the server answered ${sub.client}'s inbox with status 503 (no responders) at once`
        : sub.queue
          ? `${sub.client} is the member of queue group ${sub.queue} picked for this message (the real server picks at random); the other members do not get it`
          : `${sub.client}'s subscription ${sub.subject} matches ${msg.subject}`;
    effects.push({
      kind: 'nats-delivered',
      client: sub.client,
      sid: sub.sid,
      subject: msg.subject,
      data: msg.data,
      reply: msg.reply,
      queue: sub.queue,
      status: msg.status ?? null,
      reason: why,
    });
  }
  return { state: { ...state, clients, subscriptions, rng }, effects, matched: matching.length > 0 };
}

/** The publish checks a learner can trip: a literal subject and a payload within max_payload. */
export function checkPublish(state: NatsState, client: string, subject: string, data: string): NatsStep | null {
  if (!liveClient(state, client))
    return rejected(state, 'publish', 'not connected', 400, `${client} has no open connection`);
  if (!isLiteral(subject))
    return rejected(
      state,
      'publish',
      'invalid publish subject',
      400,
      `a publish names one literal subject; '${subject}' is not one`,
    );
  if (utf8Length(data) > MAX_PAYLOAD_BYTES)
    return rejected(
      state,
      'publish',
      'maximum payload exceeded',
      400,
      `the payload is over max_payload (${MAX_PAYLOAD_BYTES} bytes)`,
    );
  return null;
}

/** The client reads `count` of its delivered messages (all when omitted), freeing the server's buffer. */
export function read(state: NatsState, req: { client: string; count?: number }): NatsStep {
  const client = liveClient(state, req.client);
  if (!client) return rejected(state, 'read', 'not connected', 400, `${req.client} has no open connection`);
  const n = Math.min(req.count ?? client.unread.length, client.unread.length);
  const bytes = client.unread.slice(0, n).reduce((a, b) => a + b, 0);
  return {
    state: { ...state, clients: { ...state.clients, [req.client]: { ...client, unread: client.unread.slice(n) } } },
    effects: [
      { kind: 'nats-read', client: req.client, messages: n, bytes, reason: `${req.client} read ${n} message(s)` },
    ],
  };
}

/** A request is a publish with a reply subject the requester subscribes to (its inbox). */
export function inboxFor(state: NatsState, client: string): string {
  return `_INBOX.${client}.${state.nextId}`;
}
