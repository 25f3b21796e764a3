/**
 * A built-in on NATS JetStream 2.9.10 (src/engine/nats), through its `apply()` only: each topic a stream
 * capturing `<topic>.>` (limits retention, the topic's retention as max_age), each record published to
 * `<topic>.<event type>`; each consumer group a durable pull consumer per stream it reads (explicit acks,
 * ack wait 30 s), its members fetching from it; each work queue a work-queue stream with one shared consumer.
 */
import {
  ACK_WAIT_MS_DEFAULT,
  apply,
  createNats,
  type NatsEffect,
  type NatsRequest,
  type NatsState,
} from '../../engine/nats';
import type { ScenarioDef } from '../schema';
import { safeName, topicsOf, type Msg, type ProfileAdapter } from './adapter';
import { EffectBuffer } from './effectBuffer';

type Delivered = Extract<NatsEffect, { kind: 'nats-js-delivered' }>;
const toMsg = (d: Delivered): Msg => ({
  body: d.data,
  handle: d.ackReply,
  detail: `${d.stream} seq ${d.seq}, delivery ${d.deliveryCount}${d.redelivered ? ', redelivered' : ''}`,
});
const PUBLISHER = 'app';
const WORKERS = 'workers';

export function natsAdapter(s: ScenarioDef): ProfileAdapter {
  const b = new EffectBuffer<NatsState, NatsRequest, NatsEffect>(createNats({ seed: s.seed }), apply);
  const stream = (topic: string) => safeName(topic).toUpperCase();
  const consumer = (group: string) => safeName(group);
  const policy = (group: string) =>
    s.topology.groups.find((g) => g.id === group)?.autoOffsetReset === 'earliest' ? ('all' as const) : ('new' as const);
  const exists = (group: string, topic: string) => b.s.streams[stream(topic)]?.consumers[consumer(group)] !== undefined;
  function ensure(group: string, now: number) {
    for (const t of topicsOf(s, group))
      if (!exists(group, t))
        b.do(
          {
            kind: 'add-consumer',
            stream: stream(t),
            name: consumer(group),
            ackPolicy: 'explicit',
            deliverPolicy: policy(group),
          },
          now,
        );
  }
  const fetch = (st: string, c: string, batch: number, now: number) =>
    b
      .do({ kind: 'fetch', stream: st, consumer: c, batch }, now)
      .filter((e): e is Delivered => e.kind === 'nats-js-delivered');

  return {
    profile: 'nats',
    name: 'NATS JetStream 2.9.10',
    // The group consumers are created with the default ack wait.
    crashWaitMs: ACK_WAIT_MS_DEFAULT,
    state: () => b.s,
    drain: () => b.drain(),
    tick: (now) => void b.do({ kind: 'advance' }, now),
    setup(now) {
      const lines: string[] = [];
      b.do({ kind: 'connect', client: PUBLISHER }, now);
      for (const t of s.topology.topics) {
        b.do(
          {
            kind: 'add-stream',
            name: stream(t.name),
            subjects: [`${safeName(t.name)}.>`],
            ...(t.retentionMs ? { maxAgeMs: t.retentionMs } : {}),
          },
          now,
        );
        lines.push(`topic ${t.name} → stream ${stream(t.name)} on subjects ${safeName(t.name)}.>`);
      }
      for (const g of s.topology.groups) {
        if (g.members.length > 0) ensure(g.id, now);
        lines.push(
          `group ${g.id} → durable pull consumer ${consumer(g.id)} on ${topicsOf(s, g.id).map(stream).join(', ')}${g.members.length ? `, fetched by ${g.members.join(', ')}` : ' (created when a member joins)'}`,
        );
      }
      for (const q of s.topology.queues ?? []) {
        b.do({ kind: 'add-stream', name: stream(q.name), subjects: [safeName(q.name)], retention: 'workqueue' }, now);
        b.do(
          {
            kind: 'add-consumer',
            stream: stream(q.name),
            name: WORKERS,
            ackPolicy: 'explicit',
            ackWaitMs: q.visibilityTimeoutMs,
          },
          now,
        );
        lines.push(
          `queue ${q.name} → work-queue stream ${stream(q.name)} with pull consumer ${WORKERS}, shared by ${q.consumers.join(', ')}`,
        );
      }
      return lines;
    },
    publish(topic, body, _key, id, now) {
      const producer = s.topology.producers.find((p) => id.startsWith(`${p.id}-`));
      const subject = `${safeName(topic)}.${safeName(body.split(' ')[0] ?? 'event')}`;
      b.do(
        {
          kind: 'publish',
          client: PUBLISHER,
          subject,
          data: body,
          ack: true,
          ...(producer?.idempotent ? { headers: { 'Nats-Msg-Id': id } } : {}),
        },
        now,
      );
      return {
        text: `JetStream publish "${body}" on ${subject}${producer?.idempotent ? ` with Nats-Msg-Id ${id}` : ''}`,
      };
    },
    take(group, member, max, now) {
      ensure(group, now);
      const got: Delivered[] = [];
      for (const t of topicsOf(s, group))
        if (got.length < max) got.push(...fetch(stream(t), consumer(group), max - got.length, now));
      return {
        text: `${member} fetches up to ${max} from consumer ${consumer(group)} and gets ${got.length}`,
        msgs: got.map(toMsg),
      };
    },
    settle(_group, _member, msgs, now) {
      for (const m of msgs) b.do({ kind: 'ack', ackReply: m.handle, type: 'ack' }, now);
    },
    crash: () => ({
      text: `nothing tells the server: what it had not acknowledged stays pending until ack wait (${ACK_WAIT_MS_DEFAULT / 1000} s) passes, then is redelivered to the next fetch`,
    }),
    join(group, member, now) {
      ensure(group, now);
      return { text: `${member} starts fetching from consumer ${consumer(group)} (no rebalance: members share it)` };
    },
    leave(_group, member, held, now) {
      for (const m of held) b.do({ kind: 'ack', ackReply: m.handle, type: 'nak' }, now);
      return {
        text: `${member} stops fetching${held.length ? ` and naks the ${held.length} message${held.length === 1 ? '' : 's'} it held, so they are redelivered at once` : ''}`,
      };
    },
    reset(group, topic, to, now) {
      if (typeof to === 'object' && 'offset' in to)
        return {
          why: 'a Kafka offset is a position in one partition; a stream has one sequence for all, and a durable consumer cannot be moved back in 2.9 (a new consumer could start at a sequence)',
        };
      const st = stream(topic);
      b.do({ kind: 'delete-consumer', stream: st, consumer: consumer(group) }, now);
      const deliver =
        to === 'earliest'
          ? ({ deliverPolicy: 'all' } as const)
          : to === 'latest'
            ? ({ deliverPolicy: 'new' } as const)
            : ({ deliverPolicy: 'by_start_time', optStartTime: to.timestamp } as const);
      b.do({ kind: 'add-consumer', stream: st, name: consumer(group), ackPolicy: 'explicit', ...deliver }, now);
      return {
        text: `consumer ${consumer(group)} is deleted and created again with deliver policy ${deliver.deliverPolicy}${'optStartTime' in deliver ? ` from ${deliver.optStartTime}` : ''} (a durable consumer cannot be moved in 2.9)`,
      };
    },
    enqueue(queue, body, now) {
      b.do({ kind: 'publish', client: PUBLISHER, subject: safeName(queue), data: body, ack: true }, now);
      return { text: `JetStream publish "${body}" on ${safeName(queue)} (a work-queue stream)` };
    },
    receive(queue, consumerId, now) {
      const got = fetch(stream(queue), WORKERS, 1, now);
      return {
        text: got.length ? `${consumerId} fetches "${got[0]!.data}" from ${WORKERS}` : `${consumerId} fetches nothing`,
        msgs: got.map(toMsg),
      };
    },
    ackQueue(_queue, consumerId, m, now) {
      b.do({ kind: 'ack', ackReply: m.handle, type: 'ack' }, now);
      return { text: `${consumerId} acks "${m.body}": the work-queue stream removes it` };
    },
    nackQueue(_queue, consumerId, m, now) {
      b.do({ kind: 'ack', ackReply: m.handle, type: 'nak' }, now);
      return { text: `${consumerId} naks "${m.body}": it is redelivered at the next fetch` };
    },
  };
}
