/**
 * JetStream streams: creation with the server's defaults and checks, and storing a published message
 * (duplicate window with Nats-Msg-Id, interest streams that store nothing nobody wants, discard new/old).
 * https://docs.nats.io/nats-concepts/jetstream/streams; server/stream.go checkStreamCfg, processJetStreamMsg.
 */
import { DUPLICATE_WINDOW_MS_DEFAULT, MIN_MAX_AGE_MS, MSG_ID_HEADER, NO_LIMIT } from './constants';
import type { NatsEffect } from './effects';
import { withStream, type NatsState, type NatsStream, type StreamConfig } from './natsState';
import { enforceLimits, matchesFilter } from './retention';
import { headerLength, rejected, utf8Length, type NatsStep } from './step';
import { isValidSubject, subjectMatches, subjectsCollide } from './subjects';

export type StreamRequest = Partial<Omit<StreamConfig, 'name'>> & { name: string };

const VALID_NAME = /^[^.*>\s]+$/;

function configOf(req: StreamRequest): StreamConfig | string {
  if (!VALID_NAME.test(req.name)) return `invalid stream name '${req.name}' (no '.', '*', '>' or whitespace)`;
  const subjects = req.subjects && req.subjects.length > 0 ? req.subjects : [req.name];
  const bad = subjects.find((s) => !isValidSubject(s));
  if (bad !== undefined) return `invalid subject '${bad}'`;
  const maxAgeMs = req.maxAgeMs ?? 0;
  if (maxAgeMs > 0 && maxAgeMs < MIN_MAX_AGE_MS) return `max age needs to be >= ${MIN_MAX_AGE_MS}ms`;
  // The duplicate window defaults to 2 minutes, or to max_age when that is shorter (checkStreamCfg).
  const duplicateWindowMs =
    req.duplicateWindowMs ??
    (maxAgeMs > 0 && maxAgeMs < DUPLICATE_WINDOW_MS_DEFAULT ? maxAgeMs : DUPLICATE_WINDOW_MS_DEFAULT);
  if (maxAgeMs > 0 && duplicateWindowMs > maxAgeMs) return 'duplicates window can not be larger then max age';
  return {
    name: req.name,
    subjects,
    retention: req.retention ?? 'limits',
    maxMsgs: req.maxMsgs && req.maxMsgs > 0 ? req.maxMsgs : NO_LIMIT,
    maxBytes: req.maxBytes && req.maxBytes > 0 ? req.maxBytes : NO_LIMIT,
    maxAgeMs,
    discard: req.discard ?? 'old',
    duplicateWindowMs,
    storage: req.storage ?? 'file',
  };
}

export function addStream(state: NatsState, req: StreamRequest, now: number): NatsStep {
  const config = configOf(req);
  if (typeof config === 'string')
    return rejected(state, 'add-stream', config, 10052, `stream ${req.name} refused: ${config}`);
  const existing = state.streams[req.name];
  if (existing) {
    if (JSON.stringify(existing.config) === JSON.stringify(config)) return { state, effects: [] };
    return rejected(
      state,
      'add-stream',
      'stream name already in use with a different configuration',
      10058,
      `a stream ${req.name} already exists with another configuration`,
    );
  }
  const overlap = Object.values(state.streams).find((s) =>
    s.config.subjects.some((a) => config.subjects.some((b) => subjectsCollide(a, b))),
  );
  if (overlap)
    return rejected(
      state,
      'add-stream',
      'subjects overlap with an existing stream',
      10065,
      `stream ${overlap.config.name} already captures some of these subjects; one message is stored by at most one stream`,
    );
  const stream: NatsStream = { config, created: now, messages: [], lastSeq: 0, dedup: [], consumers: {} };
  return {
    state: withStream(state, stream),
    effects: [
      {
        kind: 'nats-stream-created',
        stream: req.name,
        subjects: config.subjects,
        reason: `stream ${req.name} stores every message published to ${config.subjects.join(', ')} (${config.retention} retention)`,
      },
    ],
  };
}

/** The record size the store counts against max_bytes (filestore.go fileStoreMsgSize, memstore.go memStoreMsgSize). */
export function recordSize(storage: StreamConfig['storage'], subject: string, hdr: number, data: number): number {
  const subj = utf8Length(subject);
  if (storage === 'memory') return subj + hdr + data + 16;
  return hdr === 0 ? 22 + subj + data + 8 : 22 + subj + 4 + hdr + data + 8;
}

export const streamFor = (state: NatsState, subject: string): NatsStream | undefined =>
  Object.values(state.streams).find((s) => s.config.subjects.some((p) => subjectMatches(p, subject)));

export interface PubAck {
  stream: string;
  seq: number;
  duplicate: boolean;
}

/** Stores one published message in `stream`; `ack` is the publish acknowledgement or the error the publisher gets. */
export function storeMessage(
  state: NatsState,
  stream: NatsStream,
  msg: { subject: string; data: string; headers: Readonly<Record<string, string>> },
  now: number,
): NatsStep & { ack: PubAck | { error: string; code: number } } {
  const name = stream.config.name;
  const msgId = msg.headers[MSG_ID_HEADER] ?? null;
  const window = stream.config.duplicateWindowMs;
  const dedup = stream.dedup.filter((d) => now - d.time < window);
  const dup = msgId === null ? undefined : dedup.find((d) => d.id === msgId);
  if (dup) {
    const reason = `${MSG_ID_HEADER} '${msgId}' was stored as seq ${dup.seq} ${now - dup.time} ms ago, inside the ${window} ms duplicate window: not stored again, the ack says duplicate`;
    return {
      state: withStream(state, { ...stream, dedup }),
      effects: [{ kind: 'nats-duplicate', stream: name, seq: dup.seq, msgId: msgId!, reason }],
      ack: { stream: name, seq: dup.seq, duplicate: true },
    };
  }
  const consumers = Object.values(stream.consumers);
  if (
    stream.config.retention === 'interest' &&
    !consumers.some((c) => matchesFilter(c.config.filterSubject, msg.subject))
  ) {
    const seq = stream.lastSeq + 1;
    const next = { ...stream, lastSeq: seq, dedup: msgId === null ? dedup : [...dedup, { id: msgId, seq, time: now }] };
    const reason = `interest retention and no consumer's filter matches ${msg.subject}: seq ${seq} is used but nothing is stored`;
    return {
      state: withStream(state, next),
      effects: [{ kind: 'nats-not-stored', stream: name, seq, subject: msg.subject, reason }],
      ack: { stream: name, seq, duplicate: false },
    };
  }
  const hdr = headerLength(msg.headers);
  const data = utf8Length(msg.data);
  const { maxMsgs, maxBytes, discard } = stream.config;
  if (discard === 'new') {
    const bytes = stream.messages.reduce((n, m) => n + m.size, 0);
    const full =
      maxMsgs > 0 && stream.messages.length >= maxMsgs
        ? 'maximum messages exceeded'
        : maxBytes > 0 && bytes + data + hdr >= maxBytes
          ? 'maximum bytes exceeded'
          : null;
    if (full) {
      const r = rejected(
        state,
        'publish',
        full,
        10077,
        `stream ${name} is full and its discard policy is new: the publish is refused (${full})`,
      );
      return { ...r, ack: { error: full, code: 10077 } };
    }
  }
  const seq = stream.lastSeq + 1;
  const stored = {
    seq,
    subject: msg.subject,
    data: msg.data,
    headers: msg.headers,
    time: now,
    size: recordSize(stream.config.storage, msg.subject, hdr, data),
  };
  const effects: NatsEffect[] = [
    {
      kind: 'nats-stored',
      stream: name,
      seq,
      subject: msg.subject,
      msgId,
      reason: `stream ${name} captures ${msg.subject} and stored it as seq ${seq}`,
    },
  ];
  const limited = enforceLimits({
    ...stream,
    messages: [...stream.messages, stored],
    lastSeq: seq,
    dedup: msgId === null ? dedup : [...dedup, { id: msgId, seq, time: now }],
  });
  return {
    state: withStream(state, limited.stream),
    effects: [...effects, ...limited.effects],
    ack: { stream: name, seq, duplicate: false },
  };
}
