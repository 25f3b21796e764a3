/**
 * Simulated time: `advanceTo(state, now)` fires, in time order, everything that was due — visibility
 * timeouts running out, retention expiring messages, delays ending, long polls answered or timing out —
 * and returns each as an effect with its reason. Every public operation advances first, so a request
 * never sees a message that should already be visible again or gone.
 */
import { take } from './take';
import { withQueue } from './queue';
import type { SqsEffect, SqsQueue, SqsState, SqsStep } from './types';

function nextEventTime(s: SqsState, now: number): number | null {
  let best: number | null = null;
  const consider = (t: number) => {
    if (t <= now && (best === null || t < best)) best = t;
  };
  const waited = new Set(s.polls.map((p) => p.queue));
  for (const q of Object.values(s.queues))
    for (const m of q.messages) {
      consider(m.sentAt + q.retentionMs);
      if (m.inFlightUntil !== null) consider(m.inFlightUntil);
      else if (waited.has(q.name) && m.visibleAt > s.now) consider(m.visibleAt);
    }
  for (const p of s.polls) consider(p.deadline);
  return best;
}

function expireQueue(q: SqsQueue, t: number, effects: SqsEffect[]): SqsQueue {
  let changed = false;
  const messages = q.messages.flatMap((m) => {
    if (m.sentAt + q.retentionMs <= t) {
      changed = true;
      effects.push({
        kind: 'sqs-expired',
        queue: q.name,
        messageId: m.messageId,
        reason: `${m.messageId} deleted by ${q.name}'s retention period (${q.retentionMs / 1000} s since it was enqueued)`,
      });
      return [];
    }
    if (m.inFlightUntil !== null && m.inFlightUntil <= t) {
      changed = true;
      effects.push({
        kind: 'sqs-visibility-expired',
        queue: q.name,
        messageId: m.messageId,
        receiveCount: m.receiveCount,
        reason: `${m.messageId} visible again: nobody deleted it before its visibility timeout ran out (received ${m.receiveCount}×)`,
      });
      return [{ ...m, inFlightUntil: null, receivedAt: null, visibleAt: m.inFlightUntil }];
    }
    return [m];
  });
  const dedupDue = Object.values(q.dedup).some((end) => end <= t);
  const dedup = dedupDue ? Object.fromEntries(Object.entries(q.dedup).filter(([, end]) => end > t)) : q.dedup;
  return changed || dedupDue ? { ...q, messages, dedup } : q;
}

/** Answers waiting long polls that can now get a message, and closes those whose wait is over. */
export function servePolls(state: SqsState, t: number): SqsStep {
  let s = state;
  const effects: SqsEffect[] = [];
  const waiting = [];
  for (const p of state.polls) {
    const got = take(s, p.queue, p.consumer, p.max, p.visibilityTimeoutMs, t, false);
    if (got.deliveries.length > 0 || got.effects.length > 0) {
      s = got.state;
      effects.push(...got.effects);
    }
    if (got.deliveries.length > 0) continue;
    if (p.deadline <= t) {
      effects.push({
        kind: 'sqs-receive-empty',
        queue: p.queue,
        consumer: p.consumer,
        reason: `${p.consumer}'s long poll on ${p.queue} ended empty: no message became available during its wait`,
      });
      continue;
    }
    waiting.push(p);
  }
  return { state: { ...s, polls: waiting }, effects };
}

export function advanceTo(state: SqsState, now: number): SqsStep {
  if (now < state.now) throw new Error(`time goes forward: ${now} < ${state.now}`);
  let s = state;
  const effects: SqsEffect[] = [];
  for (let t = nextEventTime(s, now); t !== null; t = nextEventTime(s, now)) {
    for (const q of Object.values(s.queues)) {
      const after = expireQueue(q, t, effects);
      if (after !== q) s = withQueue(s, after);
    }
    const served = servePolls({ ...s, now: Math.max(s.now, t) }, t);
    s = served.state;
    effects.push(...served.effects);
  }
  return { state: { ...s, now }, effects };
}

/** Runs `op` after advancing the clock, then lets waiting long polls pick up what `op` made available. */
export function at(state: SqsState, now: number, op: (s: SqsState) => SqsStep): SqsStep {
  const before = advanceTo(state, now);
  const done = op(before.state);
  const after = servePolls(done.state, now);
  return { state: after.state, effects: [...before.effects, ...done.effects, ...after.effects] };
}
