/**
 * How messages leave a stream: limits (max_msgs, max_bytes with discard old; max_age), and acks on
 * work-queue and interest streams. A removed message that a consumer still waited on is settled for that
 * consumer as if terminated (server/consumer.go decStreamPending → processTerm).
 */
import { applyAck, needsAck } from './consumerAcks';
import type { NatsEffect, RemovalCause } from './effects';
import type { NatsStream, StoredMessage } from './natsState';
import { subjectMatches } from './subjects';

export interface StreamStep {
  stream: NatsStream;
  effects: NatsEffect[];
}

export const matchesFilter = (filter: string, subject: string): boolean =>
  filter === '' || subjectMatches(filter, subject);

const removalReason: Record<RemovalCause, string> = {
  'max-msgs': 'the stream is over max_msgs and discards the oldest message (discard old)',
  'max-bytes': 'the stream is over max_bytes and discards the oldest message (discard old)',
  'max-age': 'the message is older than max_age',
  'workqueue-ack': 'work-queue retention: an acknowledged message is removed',
  'interest-ack': 'interest retention: every consumer that needed it has acknowledged it',
};

export function removeMessage(stream: NatsStream, seq: number, cause: RemovalCause): StreamStep {
  if (!stream.messages.some((m) => m.seq === seq)) return { stream, effects: [] };
  const consumers = { ...stream.consumers };
  for (const [name, c] of Object.entries(consumers)) {
    const p = c.pending[seq];
    if (p) consumers[name] = applyAck(c, seq, p.dseq).consumer;
  }
  return {
    stream: { ...stream, messages: stream.messages.filter((m) => m.seq !== seq), consumers },
    effects: [
      {
        kind: 'nats-removed',
        stream: stream.config.name,
        seq,
        cause,
        reason: `seq ${seq} removed: ${removalReason[cause]}`,
      },
    ],
  };
}

const totalBytes = (messages: readonly StoredMessage[]): number => messages.reduce((n, m) => n + m.size, 0);

/** Discard old: drop the oldest messages while the stream is over max_msgs, then over max_bytes
 * (memstore.go / filestore.go enforceMsgLimit, enforceBytesLimit). */
export function enforceLimits(stream: NatsStream): StreamStep {
  let step: StreamStep = { stream, effects: [] };
  const { maxMsgs, maxBytes } = stream.config;
  while (maxMsgs > 0 && step.stream.messages.length > maxMsgs)
    step = chain(step, step.stream.messages[0]!.seq, 'max-msgs');
  while (maxBytes > 0 && totalBytes(step.stream.messages) > maxBytes)
    step = chain(step, step.stream.messages[0]!.seq, 'max-bytes');
  return step;
}

function chain(step: StreamStep, seq: number, cause: RemovalCause): StreamStep {
  const next = removeMessage(step.stream, seq, cause);
  return { stream: next.stream, effects: [...step.effects, ...next.effects] };
}

/** max_age: messages stored at or before now − max_age are removed (memstore.go expireMsgs: ts <= now − MaxAge). */
export function expireByAge(stream: NatsStream, now: number): StreamStep {
  let step: StreamStep = { stream, effects: [] };
  const { maxAgeMs } = stream.config;
  if (maxAgeMs <= 0) return step;
  while (step.stream.messages[0] && step.stream.messages[0].time <= now - maxAgeMs)
    step = chain(step, step.stream.messages[0].seq, 'max-age');
  return step;
}

/** server/stream.go ackMsg: after consumer `by` settled `seq`, remove it on a work-queue stream, or on an
 * interest stream when no other consumer still needs it (checkInterest). */
export function afterAck(stream: NatsStream, by: string, seq: number): StreamStep {
  const { retention } = stream.config;
  if (retention === 'limits') return { stream, effects: [] };
  const msg = stream.messages.find((m) => m.seq === seq);
  if (!msg) return { stream, effects: [] };
  if (retention === 'workqueue') return removeMessage(stream, seq, 'workqueue-ack');
  const stillNeeded = Object.values(stream.consumers).some(
    (c) => c.name !== by && needsAck(c, seq, matchesFilter(c.config.filterSubject, msg.subject)),
  );
  return stillNeeded ? { stream, effects: [] } : removeMessage(stream, seq, 'interest-ack');
}
