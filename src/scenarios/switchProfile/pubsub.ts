/**
 * A built-in on Google Cloud Pub/Sub (src/engine/pubsub, as documented on 2026-12-05), through its `apply()`
 * only: each topic a topic retaining 7 days (so a subscription can seek back); each record's key its
 * ordering key; each consumer group a pull subscription per topic it reads, with message ordering on, its
 * members pulling from it; each work queue a topic with one subscription its consumers share.
 */
import { apply, createPubsub, type PubsubEffect, type PubsubRequest, type PubsubState } from '../../engine/pubsub';
import type { ScenarioDef } from '../schema';
import { safeName, topicsOf, type Msg, type ProfileAdapter } from './adapter';
import { EffectBuffer } from './effectBuffer';

/** Topic retention: 7 days, the classic maximum the profile models (src/engine/pubsub/README.md). */
const RETENTION_MS = 7 * 86_400_000;
const ACK_DEADLINE = { min: 10_000, max: 600_000 };

type Delivered = Extract<PubsubEffect, { kind: 'pubsub-delivered' }>;

export function pubsubAdapter(s: ScenarioDef): ProfileAdapter {
  const b = new EffectBuffer<PubsubState, PubsubRequest, PubsubEffect>(createPubsub(), apply);
  /** Delivered effects name the message id only: the adapter keeps each id's body. */
  const bodies = new Map<string, string>();
  const subs = (group: string) => {
    const ts = topicsOf(s, group);
    return ts.map((t) => ({ topic: t, name: ts.length === 1 ? safeName(group) : `${safeName(group)}.${safeName(t)}` }));
  };
  const toMsg = (d: Delivered): Msg => ({
    body: bodies.get(d.messageId) ?? d.messageId,
    handle: `${d.subscription}|${d.ackId}`,
    detail: `${d.subscription}, message ${d.messageId}, attempt ${d.deliveryAttempt}${d.orderingKey ? `, key ${d.orderingKey}` : ''}`,
  });
  function run(r: PubsubRequest, now: number) {
    const effects = b.do(r, now);
    for (const e of effects) if (e.kind === 'pubsub-published' && r.kind === 'publish') bodies.set(e.messageId, r.data);
    return effects;
  }
  const pull = (sub: string, consumer: string, max: number, now: number) =>
    run({ kind: 'pull', subscription: sub, consumer, max }, now).filter(
      (e): e is Delivered => e.kind === 'pubsub-delivered',
    );
  const settle = (m: Msg, now: number, nack = false) => {
    const [subscription, ackId] = m.handle.split('|') as [string, string];
    run(nack ? { kind: 'nack', subscription, ackId } : { kind: 'ack', subscription, ackId }, now);
  };

  return {
    profile: 'pubsub',
    name: 'Google Cloud Pub/Sub (documented 2026-12-05)',
    state: () => b.s,
    drain: () => b.drain(),
    // The group subscriptions keep the default ack deadline: a crashed member's messages come back after it.
    crashWaitMs: ACK_DEADLINE.min,
    tick: (now) => void run({ kind: 'advance' }, now),
    setup(now) {
      const lines: string[] = [];
      for (const t of s.topology.topics) {
        run({ kind: 'create-topic', name: safeName(t.name), retentionMs: RETENTION_MS }, now);
        lines.push(`topic ${t.name} → topic ${safeName(t.name)} (retained 7 days)`);
      }
      for (const g of s.topology.groups) {
        for (const x of subs(g.id))
          run({ kind: 'create-subscription', name: x.name, topic: safeName(x.topic), ordering: true }, now);
        lines.push(
          `group ${g.id} → ordered pull subscription ${subs(g.id)
            .map((x) => x.name)
            .join(', ')}${g.members.length ? `, pulled by ${g.members.join(', ')}` : ''}`,
        );
      }
      for (const q of s.topology.queues ?? []) {
        const deadline = Math.min(ACK_DEADLINE.max, Math.max(ACK_DEADLINE.min, q.visibilityTimeoutMs));
        run({ kind: 'create-topic', name: safeName(q.name) }, now);
        run(
          { kind: 'create-subscription', name: safeName(q.name), topic: safeName(q.name), ackDeadlineMs: deadline },
          now,
        );
        lines.push(
          `queue ${q.name} → topic and subscription ${safeName(q.name)} (ack deadline ${deadline / 1000} s), shared by ${q.consumers.join(', ')}`,
        );
      }
      return lines;
    },
    publish(topic, body, key, _id, now) {
      run({ kind: 'publish', topic: safeName(topic), data: body, ...(key ? { orderingKey: key } : {}) }, now);
      return { text: `publish "${body}" to topic ${safeName(topic)}${key ? ` with ordering key ${key}` : ''}` };
    },
    take(group, member, max, now) {
      const got: Delivered[] = [];
      for (const x of subs(group)) if (got.length < max) got.push(...pull(x.name, member, max - got.length, now));
      return {
        text: `${member} pulls up to ${max} from ${subs(group)
          .map((x) => x.name)
          .join(', ')} and gets ${got.length}`,
        msgs: got.map(toMsg),
      };
    },
    settle(_group, _member, msgs, now) {
      for (const m of msgs) settle(m, now);
    },
    crash: () => ({
      text: 'what it pulled and did not acknowledge stays outstanding until the ack deadline (10 s) passes, then Pub/Sub redelivers it',
    }),
    join: (group, member) => ({
      text: `${member} starts pulling from ${subs(group)
        .map((x) => x.name)
        .join(', ')}: subscribers share a subscription, with no rebalance`,
    }),
    leave(_group, member, held, now) {
      for (const m of held) settle(m, now, true);
      return {
        text: `${member} stops pulling${held.length ? ' and nacks what it held, so it is redelivered at once' : ''}`,
      };
    },
    reset(group, topic, to, now) {
      if (typeof to === 'object' && 'offset' in to)
        return {
          why: 'a Kafka offset is a position in one partition; Pub/Sub has no offsets, only seek to a time or a snapshot',
        };
      const time = to === 'earliest' ? s.startTime : to === 'latest' ? now : to.timestamp;
      const sub = subs(group).find((x) => x.topic === topic);
      if (!sub) return { why: `group ${group} reads no topic ${topic}` };
      run({ kind: 'seek', subscription: sub.name, time }, now);
      return {
        text: `subscription ${sub.name} seeks to time ${time}: messages published from then on are unacknowledged again`,
      };
    },
    enqueue(queue, body, now) {
      run({ kind: 'publish', topic: safeName(queue), data: body }, now);
      return { text: `publish "${body}" to topic ${safeName(queue)}` };
    },
    receive(queue, consumer, now) {
      const got = pull(safeName(queue), consumer, 1, now);
      return {
        text: got.length ? `${consumer} pulls "${toMsg(got[0]!).body}"` : `${consumer} pulls nothing`,
        msgs: got.map(toMsg),
      };
    },
    ackQueue(_queue, consumer, m, now) {
      settle(m, now);
      return { text: `${consumer} acknowledges "${m.body}"` };
    },
    nackQueue(_queue, consumer, m, now) {
      settle(m, now, true);
      return { text: `${consumer} nacks "${m.body}" (ack deadline 0): it is redelivered` };
    },
  };
}
