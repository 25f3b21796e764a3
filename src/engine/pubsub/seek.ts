/**
 * Seek: set the acknowledgment state of a subscription's messages in bulk. To a time: retained messages
 * published before it become acknowledged, those published at or after it unacknowledged. Only retained
 * messages count — unacked ones, acked ones kept by retainAckedMessages, and, with topic retention, every
 * message the topic kept (even from before the subscription existed). To a snapshot: the snapshot's unacked
 * messages and everything published after it become unacknowledged.
 * https://cloud.google.com/pubsub/docs/replay-overview
 * https://cloud.google.com/pubsub/docs/reference/rest/v1/projects.subscriptions/seek
 */
import { rejected, withSub } from './admin';
import { matchesFilter } from './filter';
import { fresh } from './publish';
import { compact } from './redeliver';
import type { Held, PsMessage, PubsubState, PubsubStep } from './types';

export function seek(
  state: PubsubState,
  r: { subscription: string; time?: number; snapshot?: string },
  now: number,
): PubsubStep {
  const sub = state.subscriptions[r.subscription];
  if (!sub) return rejected(state, `subscription ${r.subscription} does not exist`);
  let unackedFrom: (m: PsMessage) => boolean;
  const pool = new Map<string, PsMessage>();
  for (const h of sub.held) pool.set(h.msg.messageId, h.msg);
  const topic = state.topics[sub.topic]!;
  for (const m of topic.log) if (!sub.filter || matchesFilter(sub.filter, m.attributes)) pool.set(m.messageId, m);
  let what: string;
  if (r.snapshot !== undefined) {
    const snap = state.snapshots[r.snapshot];
    if (!snap) return rejected(state, `snapshot ${r.snapshot} does not exist (or has expired)`);
    if (snap.topic !== sub.topic)
      return rejected(state, `snapshot ${snap.name} is of topic ${snap.topic}, not ${sub.topic}`);
    const inSnap = new Set(snap.unacked.map((m) => m.messageId));
    for (const m of snap.unacked) pool.set(m.messageId, m);
    unackedFrom = (m) => inSnap.has(m.messageId) || m.publishTime >= snap.createdAt;
    what = `snapshot ${snap.name}`;
  } else {
    const time = r.time ?? now;
    unackedFrom = (m) => m.publishTime >= time;
    what = `time ${time / 1000} s`;
  }
  const before = new Map(sub.held.map((h) => [h.msg.messageId, h]));
  const held: Held[] = [...pool.values()]
    .sort((a, b) => a.publishTime - b.publishTime || Number(a.messageId) - Number(b.messageId))
    .map((m) => {
      const old = before.get(m.messageId) ?? fresh(m, now);
      return unackedFrom(m)
        ? { ...old, acked: false, deadline: null, ackId: null, availableAt: now }
        : { ...old, acked: true, deadline: null, ackId: null };
    });
  const unacked = held.filter((h) => !h.acked).length;
  const next = compact({ ...sub, held });
  return {
    state: withSub(state, next),
    effects: [
      {
        kind: 'pubsub-seeked',
        subscription: sub.name,
        unacked,
        acked: held.length - unacked,
        reason: `${sub.name} seeked to ${what}: ${unacked} retained messages are unacknowledged (delivered again), ${held.length - unacked} acknowledged; messages no longer retained cannot come back`,
      },
    ],
  };
}
