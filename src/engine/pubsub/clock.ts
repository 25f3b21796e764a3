/**
 * Simulated time: `advanceTo(state, now)` fires, in time order, ack deadlines running out (redelivery or
 * dead-lettering), retention dropping messages (unacked ones after messageRetentionDuration from publish,
 * acked ones too when retainAckedMessages keeps them), topic retention, expired snapshots, and push
 * deliveries of whatever became available.
 */
import { withSub } from './admin';
import { servePush } from './deliver';
import { compact, failedAttempt } from './redeliver';
import type { PubsubEffect, PubsubState, PubsubStep } from './types';

function nextEventTime(s: PubsubState, now: number): number | null {
  let best: number | null = null;
  const consider = (t: number) => {
    if (t <= now && (best === null || t < best)) best = t;
  };
  for (const sub of Object.values(s.subscriptions))
    for (const h of sub.held) {
      consider(h.msg.publishTime + sub.retentionMs);
      if (h.deadline !== null) consider(h.deadline);
      else if (sub.push && !h.acked && h.availableAt > s.now) consider(h.availableAt);
    }
  for (const t of Object.values(s.topics))
    if (t.retentionMs !== null) for (const m of t.log) consider(m.publishTime + t.retentionMs);
  for (const snap of Object.values(s.snapshots)) consider(snap.expiresAt);
  return best;
}

function eventsAt(state: PubsubState, t: number, effects: PubsubEffect[]): PubsubState {
  let s = state;
  for (const name of Object.keys(s.subscriptions)) {
    const sub = s.subscriptions[name]!;
    const keep = sub.held.filter((h) => {
      if (h.msg.publishTime + sub.retentionMs > t) return true;
      if (!h.acked)
        effects.push({
          kind: 'pubsub-expired',
          subscription: name,
          messageId: h.msg.messageId,
          reason: `message ${h.msg.messageId} dropped unacknowledged from ${name}: older than its ${sub.retentionMs / 1000} s retention`,
        });
      return false;
    });
    if (keep.length !== sub.held.length) s = withSub(s, { ...sub, held: keep });
    for (const { msg } of s.subscriptions[name]!.held) {
      const h = s.subscriptions[name]!.held.find((x) => x.msg.messageId === msg.messageId);
      if (h && h.deadline !== null && h.deadline <= t) {
        effects.push({
          kind: 'pubsub-deadline-expired',
          subscription: name,
          messageId: h.msg.messageId,
          reason: `the ack deadline of message ${h.msg.messageId} ran out without an ack`,
        });
        s = failedAttempt(s, name, h.msg.messageId, t, effects);
      }
    }
    s = withSub(s, compact(s.subscriptions[name]!));
  }
  const topics = Object.fromEntries(
    Object.entries(s.topics).map(([k, topic]) => [
      k,
      topic.retentionMs === null
        ? topic
        : { ...topic, log: topic.log.filter((m) => m.publishTime + topic.retentionMs! > t) },
    ]),
  );
  const snapshots = Object.fromEntries(Object.entries(s.snapshots).filter(([, snap]) => snap.expiresAt > t));
  return { ...s, topics, snapshots, now: Math.max(s.now, t) };
}

export function advanceTo(state: PubsubState, now: number): PubsubStep {
  if (now < state.now) throw new Error(`time goes forward: ${now} < ${state.now}`);
  let s = state;
  const effects: PubsubEffect[] = [];
  for (let t = nextEventTime(s, now); t !== null; t = nextEventTime(s, now)) {
    s = eventsAt(s, t, effects);
    const pushed = servePush(s, t);
    s = pushed.state;
    effects.push(...pushed.effects);
  }
  return { state: { ...s, now }, effects };
}

/** Advance, run `op`, then let push subscriptions send what `op` made available. */
export function at(state: PubsubState, now: number, op: (s: PubsubState) => PubsubStep): PubsubStep {
  const before = advanceTo(state, now);
  const done = op(before.state);
  const pushed = servePush(done.state, now);
  return { state: pushed.state, effects: [...before.effects, ...done.effects, ...pushed.effects] };
}
