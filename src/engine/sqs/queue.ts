/** Creating the SQS world and its queues, and sending a message (SendMessage). */
import { seedRng } from '../sim/random';
import {
  DEDUP_WINDOW_MS,
  DEFAULT_QUIRKS,
  DEFAULT_RETENTION_MS,
  DEFAULT_VISIBILITY_TIMEOUT_MS,
  FIFO_SUFFIX,
  MAX_DELAY_MS,
  MAX_RECEIVE_COUNT_LIMIT,
  MAX_RETENTION_MS,
  MAX_VISIBILITY_TIMEOUT_MS,
  MAX_WAIT_MS,
  MIN_RETENTION_MS,
} from './constants';
import type { Attributes, Quirks, RedrivePolicy, SqsMessage, SqsQueue, SqsState, SqsStep } from './types';

export function createSqs(options: { seed?: number; quirks?: Quirks | null } = {}): SqsState {
  return {
    queues: {},
    topics: {},
    subscriptions: [],
    polls: [],
    quirks: options.quirks === undefined ? DEFAULT_QUIRKS : options.quirks,
    rng: seedRng(options.seed ?? 1),
    nextId: 1,
    now: 0,
  };
}

export const rejected = (state: SqsState, error: string): SqsStep => ({
  state,
  effects: [{ kind: 'sqs-rejected', error, reason: `refused: ${error}` }],
});

export const withQueue = (state: SqsState, queue: SqsQueue): SqsState => ({
  ...state,
  queues: { ...state.queues, [queue.name]: queue },
});

export interface QueueOptions {
  visibilityTimeoutMs?: number;
  retentionMs?: number;
  delayMs?: number;
  receiveWaitMs?: number;
  contentBasedDeduplication?: boolean;
  redrive?: RedrivePolicy | null;
}

function optionsProblem(state: SqsState, name: string, o: QueueOptions): string | null {
  const inRange = (v: number | undefined, lo: number, hi: number) => v === undefined || (v >= lo && v <= hi);
  if (state.queues[name]) return `queue ${name} already exists`;
  if (!inRange(o.visibilityTimeoutMs, 0, MAX_VISIBILITY_TIMEOUT_MS)) return 'VisibilityTimeout must be 0 s–12 h';
  if (!inRange(o.retentionMs, MIN_RETENTION_MS, MAX_RETENTION_MS)) return 'MessageRetentionPeriod must be 60 s–14 days';
  if (!inRange(o.delayMs, 0, MAX_DELAY_MS)) return 'DelaySeconds must be 0–900';
  if (!inRange(o.receiveWaitMs, 0, MAX_WAIT_MS)) return 'ReceiveMessageWaitTimeSeconds must be 0–20';
  const fifo = name.endsWith(FIFO_SUFFIX);
  if (o.contentBasedDeduplication && !fifo) return 'ContentBasedDeduplication applies only to FIFO queues';
  if (o.redrive) {
    const dlq = state.queues[o.redrive.deadLetterQueue];
    if (!dlq) return `dead-letter queue ${o.redrive.deadLetterQueue} does not exist`;
    if (dlq.fifo !== fifo)
      return `the dead-letter queue of a ${fifo ? 'FIFO' : 'standard'} queue must also be ${fifo ? 'FIFO' : 'standard'}`;
    if (o.redrive.maxReceiveCount < 1 || o.redrive.maxReceiveCount > MAX_RECEIVE_COUNT_LIMIT)
      return 'maxReceiveCount must be 1–1,000';
  }
  return null;
}

/** CreateQueue: a name ending in `.fifo` makes a FIFO queue. */
export function createQueue(state: SqsState, request: { name: string } & QueueOptions): SqsStep {
  const problem = optionsProblem(state, request.name, request);
  if (problem) return rejected(state, problem);
  const fifo = request.name.endsWith(FIFO_SUFFIX);
  const queue: SqsQueue = {
    name: request.name,
    fifo,
    visibilityTimeoutMs: request.visibilityTimeoutMs ?? DEFAULT_VISIBILITY_TIMEOUT_MS,
    retentionMs: request.retentionMs ?? DEFAULT_RETENTION_MS,
    delayMs: request.delayMs ?? 0,
    receiveWaitMs: request.receiveWaitMs ?? 0,
    contentBasedDeduplication: request.contentBasedDeduplication ?? false,
    redrive: request.redrive ?? null,
    messages: [],
    dedup: {},
    nextSeq: 0,
  };
  const kind = fifo ? 'FIFO (per-group order, exactly-once processing)' : 'standard (at-least-once, best-effort order)';
  return {
    state: withQueue(state, queue),
    effects: [
      { kind: 'sqs-queue-created', queue: request.name, fifo, reason: `queue ${request.name} created: ${kind}` },
    ],
  };
}

export interface SendRequest {
  queue: string;
  body: string;
  attributes?: Attributes;
  delayMs?: number;
  groupId?: string;
  dedupId?: string;
  /** Set by SNS: the id the topic gave the message (otherwise the queue makes one). */
  messageId?: string;
}

/** SendMessage. FIFO queues need a group id and a deduplication id (or content-based deduplication). */
export function sendMessage(state: SqsState, r: SendRequest, now: number): SqsStep & { messageId: string | null } {
  const q = state.queues[r.queue];
  if (!q) return { ...rejected(state, `queue ${r.queue} does not exist`), messageId: null };
  if (q.fifo && !r.groupId) return { ...rejected(state, 'a FIFO queue needs a MessageGroupId'), messageId: null };
  if (q.fifo && r.delayMs !== undefined)
    return { ...rejected(state, 'FIFO queues support DelaySeconds per queue only, not per message'), messageId: null };
  if (r.delayMs !== undefined && (r.delayMs < 0 || r.delayMs > MAX_DELAY_MS))
    return { ...rejected(state, 'DelaySeconds must be 0–900'), messageId: null };
  const dedupId = q.fifo ? (r.dedupId ?? (q.contentBasedDeduplication ? `body:${r.body}` : null)) : null;
  if (q.fifo && dedupId === null)
    return {
      ...rejected(state, 'a FIFO queue without content-based deduplication needs a MessageDeduplicationId'),
      messageId: null,
    };
  const messageId = r.messageId ?? `m${state.nextId}`;
  const next = { ...state, nextId: r.messageId ? state.nextId : state.nextId + 1 };
  if (dedupId !== null && (q.dedup[dedupId] ?? -1) > now) {
    return {
      state: next,
      messageId,
      effects: [
        {
          kind: 'sqs-deduplicated',
          queue: q.name,
          dedupId,
          reason: `accepted but not enqueued: deduplication id ${dedupId} was already sent to ${q.name} in the last 5 minutes`,
        },
      ],
    };
  }
  const delay = r.delayMs ?? q.delayMs;
  const message: SqsMessage = {
    messageId,
    body: r.body,
    attributes: r.attributes ?? {},
    sentAt: now,
    visibleAt: now + delay,
    inFlightUntil: null,
    receivedAt: null,
    receiveCount: 0,
    receipt: null,
    groupId: q.fifo ? (r.groupId ?? null) : null,
    dedupId,
    seq: q.nextSeq,
  };
  const dedup = dedupId === null ? q.dedup : { ...q.dedup, [dedupId]: now + DEDUP_WINDOW_MS };
  const queue = { ...q, messages: [...q.messages, message], dedup, nextSeq: q.nextSeq + 1 };
  const when = delay > 0 ? `, hidden for its ${delay / 1000} s delay` : '';
  const group = message.groupId ? ` in group ${message.groupId}` : '';
  return {
    state: withQueue(next, queue),
    messageId,
    effects: [
      {
        kind: 'sqs-sent',
        queue: q.name,
        messageId,
        visibleAt: message.visibleAt,
        reason: `${messageId} stored in ${q.name}${group}${when}`,
      },
    ],
  };
}
