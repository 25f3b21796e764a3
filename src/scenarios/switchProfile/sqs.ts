/**
 * A built-in on Amazon SNS + SQS (src/engine/sqs, as documented on 2026-12-05), through its `apply()` only:
 * each topic an SNS standard topic; each consumer group an SQS standard queue subscribed (raw delivery) to
 * the topics it reads, its members competing receivers (short polls of up to 10, visibility timeout 30 s,
 * DeleteMessage to acknowledge); each work queue an SQS queue with its visibility timeout. Standard queues'
 * quirks are on (seeded by the scenario): a message may come twice or out of order, as the service says.
 */
import { apply, createSqs, type SqsEffect, type SqsRequest, type SqsState } from '../../engine/sqs';
import type { ScenarioDef } from '../schema';
import { safeName, topicsOf, type Msg, type ProfileAdapter } from './adapter';
import { EffectBuffer } from './effectBuffer';

/** ReceiveMessage's MaxNumberOfMessages is 1–10 (src/engine/sqs/constants.ts). */
const MAX_RECEIVE = 10;

type Received = Extract<SqsEffect, { kind: 'sqs-received' }>;
const toMsg = (e: Received): Msg => ({
  body: e.delivery.body,
  handle: e.delivery.receiptHandle,
  detail: `${e.queue}, receive count ${e.delivery.receiveCount}`,
});

export function sqsAdapter(s: ScenarioDef): ProfileAdapter {
  const b = new EffectBuffer<SqsState, SqsRequest, SqsEffect>(createSqs({ seed: s.seed }), apply);
  const queue = (name: string) => safeName(name);
  const receive = (q: string, consumer: string, max: number, now: number) =>
    b
      .do({ kind: 'receive', queue: q, consumer, max, waitMs: 0 }, now)
      .filter((e): e is Received => e.kind === 'sqs-received');

  return {
    profile: 'sqs',
    name: 'Amazon SNS + SQS (documented 2026-12-05)',
    state: () => b.s,
    drain: () => b.drain(),
    // The group queues keep the default visibility timeout: a crashed member's messages come back after it.
    crashWaitMs: 30_000,
    tick: (now) => void b.do({ kind: 'advance' }, now),
    setup(now) {
      const lines: string[] = [];
      for (const t of s.topology.topics) {
        b.do({ kind: 'create-topic', name: safeName(t.name) }, now);
        lines.push(`topic ${t.name} → SNS topic ${safeName(t.name)}`);
      }
      for (const g of s.topology.groups) {
        b.do({ kind: 'create-queue', name: queue(g.id) }, now);
        for (const t of topicsOf(s, g.id))
          b.do({ kind: 'subscribe', topic: safeName(t), queue: queue(g.id), raw: true }, now);
        lines.push(
          `group ${g.id} → SQS queue ${queue(g.id)} subscribed to ${topicsOf(s, g.id).map(safeName).join(', ')}${g.members.length ? `, received by ${g.members.join(', ')}` : ''}`,
        );
      }
      for (const q of s.topology.queues ?? []) {
        b.do({ kind: 'create-queue', name: queue(q.name), visibilityTimeoutMs: q.visibilityTimeoutMs }, now);
        lines.push(
          `queue ${q.name} → SQS queue ${queue(q.name)} (visibility timeout ${q.visibilityTimeoutMs / 1000} s)`,
        );
      }
      return lines;
    },
    publish(topic, body, _key, _id, now) {
      b.do({ kind: 'publish', topic: safeName(topic), message: body }, now);
      return { text: `SNS Publish "${body}" to topic ${safeName(topic)}, which sends a copy to each subscribed queue` };
    },
    take(group, member, max, now) {
      const got = receive(queue(group), member, Math.min(max, MAX_RECEIVE), now);
      return {
        text: `${member} calls ReceiveMessage on ${queue(group)} (short poll, at most ${Math.min(max, MAX_RECEIVE)}) and gets ${got.length}`,
        msgs: got.map(toMsg),
      };
    },
    settle(group, _member, msgs, now) {
      for (const m of msgs) b.do({ kind: 'delete', queue: queue(group), receiptHandle: m.handle }, now);
    },
    crash: () => ({
      text: 'what it received and did not delete stays in flight until the visibility timeout (30 s) passes, then any receiver gets it again',
    }),
    join: (group, member) => ({
      text: `${member} starts calling ReceiveMessage on ${queue(group)}: SQS has no membership and no rebalance`,
    }),
    leave(group, member, held, now) {
      for (const m of held)
        b.do({ kind: 'change-visibility', queue: queue(group), receiptHandle: m.handle, visibilityTimeoutMs: 0 }, now);
      return {
        text: `${member} stops receiving${held.length ? ` and makes what it held visible again (ChangeMessageVisibility 0)` : ''}`,
      };
    },
    reset: () => ({
      why: 'SQS deletes a message once it is processed: there are no offsets to move and nothing consumed to replay',
    }),
    enqueue(q, body, now) {
      b.do({ kind: 'send', queue: queue(q), body }, now);
      return { text: `SendMessage "${body}" to ${queue(q)}` };
    },
    receive(q, consumer, now) {
      const got = receive(queue(q), consumer, 1, now);
      return {
        text: got.length ? `${consumer} receives "${got[0]!.delivery.body}"` : `${consumer} receives nothing`,
        msgs: got.map(toMsg),
      };
    },
    ackQueue(q, consumer, m, now) {
      b.do({ kind: 'delete', queue: queue(q), receiptHandle: m.handle }, now);
      return { text: `${consumer} deletes "${m.body}"` };
    },
    nackQueue(q, consumer, m, now) {
      b.do({ kind: 'change-visibility', queue: queue(q), receiptHandle: m.handle, visibilityTimeoutMs: 0 }, now);
      return { text: `${consumer} sets the visibility of "${m.body}" to 0: it is visible again at once` };
    },
  };
}
