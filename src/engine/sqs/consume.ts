/** The consumer's side: ReceiveMessage (short and long polling), DeleteMessage, ChangeMessageVisibility. */
import { nextRandom } from '../sim/random';
import { at } from './clock';
import { DEFAULT_RECEIVE_BATCH, MAX_RECEIVE_BATCH, MAX_VISIBILITY_TIMEOUT_MS, MAX_WAIT_MS } from './constants';
import { rejected, withQueue } from './queue';
import { take } from './take';
import type { Delivery, SqsEffect, SqsMessage, SqsState, SqsStep } from './types';

export interface ReceiveRequest {
  queue: string;
  consumer: string;
  /** MaxNumberOfMessages, 1–10 (default 1). */
  max?: number;
  /** VisibilityTimeout for this receive (default: the queue's). */
  visibilityTimeoutMs?: number;
  /** WaitTimeSeconds: 0 = short polling; default: the queue's ReceiveMessageWaitTimeSeconds. */
  waitMs?: number;
}

export function receiveMessage(state: SqsState, r: ReceiveRequest, now: number): SqsStep & { deliveries: Delivery[] } {
  let deliveries: Delivery[] = [];
  const step = at(state, now, (s) => {
    const q = s.queues[r.queue];
    if (!q) return rejected(s, `queue ${r.queue} does not exist`);
    const max = r.max ?? DEFAULT_RECEIVE_BATCH;
    if (max < 1 || max > MAX_RECEIVE_BATCH) return rejected(s, 'MaxNumberOfMessages must be 1–10');
    const wait = r.waitMs ?? q.receiveWaitMs;
    if (wait < 0 || wait > MAX_WAIT_MS) return rejected(s, 'WaitTimeSeconds must be 0–20');
    const vis = r.visibilityTimeoutMs ?? q.visibilityTimeoutMs;
    if (vis < 0 || vis > MAX_VISIBILITY_TIMEOUT_MS) return rejected(s, 'VisibilityTimeout must be 0 s–12 h');
    const got = take(s, q.name, r.consumer, max, vis, now, wait === 0);
    deliveries = got.deliveries;
    if (got.deliveries.length > 0) return got;
    const effects: SqsEffect[] = [...got.effects];
    if (wait === 0) {
      const left = got.state.queues[q.name]!.messages.length > 0;
      const missed = s.quirks && !q.fifo ? ', or missed by the subset of servers a short poll samples' : '';
      const hidden = left ? ` (its messages are in flight or delayed${missed})` : '';
      effects.push({
        kind: 'sqs-receive-empty',
        queue: q.name,
        consumer: r.consumer,
        reason: `${r.consumer}'s short poll on ${q.name} returned nothing${hidden}`,
      });
      return { state: got.state, effects };
    }
    const poll = { consumer: r.consumer, queue: q.name, max, visibilityTimeoutMs: vis, deadline: now + wait };
    effects.push({
      kind: 'sqs-poll-waiting',
      queue: q.name,
      consumer: r.consumer,
      deadline: poll.deadline,
      reason: `${r.consumer} long-polls ${q.name}: nothing yet, the request waits up to ${wait / 1000} s for a message`,
    });
    return { state: { ...got.state, polls: [...got.state.polls, poll] }, effects };
  });
  return { ...step, deliveries };
}

type Found = { message: SqsMessage; stale: boolean } | null;

function byReceipt(s: SqsState, queue: string, receiptHandle: string): Found {
  const id = receiptHandle.slice(0, receiptHandle.lastIndexOf('#'));
  const m = s.queues[queue]?.messages.find((x) => x.messageId === id);
  return m ? { message: m, stale: m.receipt !== receiptHandle } : null;
}

/**
 * DeleteMessage. A stale receipt handle (the message was received again since) succeeds without deleting
 * (API_DeleteMessage). With the quirks on, a standard queue's delete may miss a stored copy that then
 * comes back (standard-queues-at-least-once-delivery).
 */
export function deleteMessage(state: SqsState, r: { queue: string; receiptHandle: string }, now: number): SqsStep {
  return at(state, now, (s) => {
    const q = s.queues[r.queue];
    if (!q) return rejected(s, `queue ${r.queue} does not exist`);
    const found = byReceipt(s, r.queue, r.receiptHandle);
    const ignored = (why: string): SqsStep => ({
      state: s,
      effects: [{ kind: 'sqs-delete-ignored', queue: q.name, receiptHandle: r.receiptHandle, reason: why }],
    });
    if (!found)
      return ignored(`DeleteMessage succeeded but deleted nothing: no message for ${r.receiptHandle} is left`);
    const { message: m } = found;
    if (found.stale)
      return ignored(
        `DeleteMessage succeeded but ${m.messageId} was NOT deleted: ${r.receiptHandle} is stale, the message was received again (latest handle ${m.receipt})`,
      );
    if (s.quirks && !q.fifo) {
      const [v, rng] = nextRandom(s.rng);
      if (v < s.quirks.duplicate) {
        const kept = { ...m, inFlightUntil: null, receivedAt: null, visibleAt: now };
        const queue = { ...q, messages: q.messages.map((x) => (x.seq === m.seq ? kept : x)) };
        return {
          state: { ...withQueue(s, queue), rng },
          effects: [
            {
              kind: 'sqs-duplicate-kept',
              queue: q.name,
              messageId: m.messageId,
              reason: `DeleteMessage succeeded, but a stored copy of ${m.messageId} was on a server that was unavailable: it will be received again (at-least-once delivery)`,
            },
          ],
        };
      }
      s = { ...s, rng };
    }
    const queue = { ...q, messages: q.messages.filter((x) => x.seq !== m.seq) };
    return {
      state: withQueue(s, queue),
      effects: [
        {
          kind: 'sqs-deleted',
          queue: q.name,
          messageId: m.messageId,
          reason: `${m.messageId} deleted from ${q.name} by its consumer`,
        },
      ],
    };
  });
}

/** ChangeMessageVisibility: the new timeout counts from now; 0 makes the message visible at once. */
export function changeMessageVisibility(
  state: SqsState,
  r: { queue: string; receiptHandle: string; visibilityTimeoutMs: number },
  now: number,
): SqsStep {
  return at(state, now, (s) => {
    const q = s.queues[r.queue];
    if (!q) return rejected(s, `queue ${r.queue} does not exist`);
    const found = byReceipt(s, r.queue, r.receiptHandle);
    if (!found || found.stale)
      return rejected(s, `ReceiptHandleIsInvalid: ${r.receiptHandle} is not the message's latest receipt handle`);
    const m = found.message;
    if (m.inFlightUntil === null || m.receivedAt === null)
      return rejected(s, `MessageNotInflight: ${m.messageId} is not in flight`);
    if (r.visibilityTimeoutMs < 0 || now + r.visibilityTimeoutMs > m.receivedAt + MAX_VISIBILITY_TIMEOUT_MS)
      return rejected(s, `the visibility timeout of ${m.messageId} cannot reach past 12 hours after it was received`);
    const until = now + r.visibilityTimeoutMs;
    const changed: SqsMessage =
      r.visibilityTimeoutMs === 0
        ? { ...m, inFlightUntil: null, receivedAt: null, visibleAt: now }
        : { ...m, inFlightUntil: until };
    const queue = { ...q, messages: q.messages.map((x) => (x.seq === m.seq ? changed : x)) };
    const what =
      r.visibilityTimeoutMs === 0
        ? `${m.messageId} made visible again at once (visibility timeout set to 0)`
        : `${m.messageId} stays hidden for ${r.visibilityTimeoutMs / 1000} s from now`;
    return {
      state: withQueue(s, queue),
      effects: [{ kind: 'sqs-visibility-changed', queue: q.name, messageId: m.messageId, until, reason: what }],
    };
  });
}
