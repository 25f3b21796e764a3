/**
 * A built-in on RabbitMQ 3.10.8 (src/engine/rabbitmq), through its `apply()` only: each topic a fanout
 * exchange (Kafka delivers every record to every group, so nothing is routed by key); each consumer group a
 * classic queue bound to the exchanges of the topics it reads, its members competing consumers on it
 * (prefetch 10, manual acks); each work queue a classic queue its consumers read with basic.get.
 */
import { apply, createRabbit, type RabbitEffect, type RabbitRequest, type RabbitState } from '../../engine/rabbitmq';
import type { ScenarioDef } from '../schema';
import { topicsOf, type Msg, type ProfileAdapter, type Taken } from './adapter';
import { EffectBuffer } from './effectBuffer';

/** basic.qos per consumer: how many unacknowledged messages RabbitMQ pushes to one member ahead. */
export const PREFETCH = 10;

type Delivered = Extract<RabbitEffect, { kind: 'rabbitmq-delivered' }>;

const detail = (d: Delivered) => `${d.queue}, delivery tag ${d.deliveryTag}${d.redelivered ? ', redelivered' : ''}`;
const toMsg = (d: Delivered): Msg => ({ body: d.body, handle: `${d.channel}#${d.deliveryTag}`, detail: detail(d) });

export function rabbitmqAdapter(s: ScenarioDef): ProfileAdapter {
  const b = new EffectBuffer<RabbitState, RabbitRequest, RabbitEffect>(createRabbit(), apply);
  /** Deliveries pushed to each consumer tag and not yet handled by its member. */
  const inbox = new Map<string, Delivered[]>();
  /** Each member's live connection number (a crash closes it; the next poll reconnects). */
  const conn = new Map<string, number>();
  const queueOf = (group: string) => group;
  // The member's name is its consumer tag and its connection's name, after a reconnection too: a crash closes
  // the connection and cancels the consumer, so the tag is free again (tags are per channel in AMQP anyway).
  const channel = (member: string) => `${member}-ch${conn.get(member) ?? 1}`;

  function run(r: RabbitRequest, now: number): RabbitEffect[] {
    const effects = b.do(r, now);
    for (const e of effects)
      if (e.kind === 'rabbitmq-delivered' && e.consumerTag)
        inbox.set(e.consumerTag, [...(inbox.get(e.consumerTag) ?? []), e]);
    return effects;
  }
  function connect(group: string, member: string, now: number) {
    conn.set(member, (conn.get(member) ?? 0) + 1);
    run({ kind: 'open-channel', channel: channel(member), connection: member }, now);
    run({ kind: 'qos', channel: channel(member), prefetch: PREFETCH }, now);
    run({ kind: 'consume', channel: channel(member), queue: queueOf(group), consumerTag: member }, now);
  }
  const live = (member: string) => b.s.consumers[member] !== undefined;

  return {
    profile: 'rabbitmq',
    name: 'RabbitMQ 3.10.8',
    state: () => b.s,
    drain: () => b.drain(),
    tick: (now) => run({ kind: 'advance' }, now),
    setup(now) {
      const lines: string[] = [];
      for (const t of s.topology.topics) {
        run({ kind: 'declare-exchange', exchange: t.name, type: 'fanout' }, now);
        lines.push(`topic ${t.name} → fanout exchange ${t.name}`);
      }
      for (const g of s.topology.groups) {
        run({ kind: 'declare-queue', queue: queueOf(g.id), type: 'classic' }, now);
        for (const t of topicsOf(s, g.id))
          run({ kind: 'bind', queue: queueOf(g.id), exchange: t, routingKey: '' }, now);
        for (const m of g.members) connect(g.id, m, now);
        lines.push(
          `group ${g.id} → classic queue ${queueOf(g.id)} bound to ${topicsOf(s, g.id).join(', ')}${g.members.length ? `, consumers ${g.members.join(', ')}` : ''}`,
        );
      }
      for (const q of s.topology.queues ?? []) {
        run({ kind: 'declare-queue', queue: q.name, type: 'classic' }, now);
        for (const c of q.consumers) run({ kind: 'open-channel', channel: `${c}-get`, connection: c }, now);
        lines.push(`queue ${q.name} → classic queue ${q.name}, read with basic.get by ${q.consumers.join(', ')}`);
      }
      return lines;
    },
    publish(topic, body, key, _id, now) {
      run({ kind: 'publish', exchange: topic, routingKey: key ?? '', body }, now);
      return { text: `basic.publish "${body}" to exchange ${topic}${key ? ` with routing key ${key}` : ''}` };
    },
    take(group, member, max, now): Taken {
      let text = '';
      if (!live(member)) {
        connect(group, member, now);
        text = `${member} connects again and consumes from ${queueOf(group)}; `;
      }
      const mine = inbox.get(member) ?? [];
      const got = mine.slice(0, max);
      inbox.set(member, mine.slice(got.length));
      return {
        text: `${text}${member} handles the ${got.length} message${got.length === 1 ? '' : 's'} RabbitMQ pushed to it (prefetch ${PREFETCH})`,
        msgs: got.map(toMsg),
      };
    },
    settle(_group, member, msgs, now) {
      for (const m of msgs) {
        const [ch, dt] = m.handle.split('#');
        if (ch === channel(member)) run({ kind: 'ack', channel: ch, deliveryTag: Number(dt) }, now);
      }
    },
    crash(_group, member, now) {
      if (!live(member)) return { text: `${member} is not connected` };
      inbox.delete(member);
      const n = run({ kind: 'close-connection', connection: member }, now).filter(
        (e) => e.kind === 'rabbitmq-requeued',
      ).length;
      return {
        text:
          n === 0
            ? 'its connection closes; it had acknowledged everything it was given, so nothing is requeued'
            : `its connection closes, and RabbitMQ requeues the ${n === 1 ? 'message' : `${n} messages`} it had not acknowledged (marked redelivered) for the queue's other consumers`,
      };
    },
    join(group, member, now) {
      if (live(member)) return { text: `${member} already consumes from ${queueOf(group)}` };
      connect(group, member, now);
      return {
        text: `${member} starts consuming from queue ${queueOf(group)} (no rebalance: it simply gets its turn in the round)`,
      };
    },
    leave(_group, member, _held, now) {
      if (!live(member)) return { text: `${member} is not connected` };
      inbox.delete(member);
      const n = run({ kind: 'close-channel', channel: channel(member) }, now).filter(
        (e) => e.kind === 'rabbitmq-requeued',
      ).length;
      return {
        text: `${member} closes its channel; ${n === 0 ? 'it held nothing unacknowledged, so nothing is requeued' : `the ${n === 1 ? 'message' : `${n} messages`} it had not acknowledged ${n === 1 ? 'is' : 'are'} requeued`}`,
      };
    },
    reset: () => ({
      why: 'RabbitMQ classic queues keep no offsets: an acknowledged message is deleted, so a consumer cannot rewind or reset (a RabbitMQ stream, read with x-stream-offset, could)',
    }),
    enqueue(queue, body, now) {
      run({ kind: 'publish', exchange: '', routingKey: queue, body }, now);
      return { text: `basic.publish "${body}" through the default exchange to queue ${queue}` };
    },
    receive(queue, consumer, now) {
      const got = b
        .do({ kind: 'get', channel: `${consumer}-get`, queue }, now)
        .find((e) => e.kind === 'rabbitmq-delivered');
      return got
        ? { text: `${consumer} takes "${got.body}" with basic.get (manual ack)`, msgs: [toMsg(got)] }
        : { text: `basic.get: queue ${queue} has nothing ready for ${consumer}`, msgs: [] };
    },
    ackQueue(_queue, consumer, m, now) {
      run({ kind: 'ack', channel: `${consumer}-get`, deliveryTag: Number(m.handle.split('#')[1]) }, now);
      return { text: `${consumer} acks "${m.body}": RabbitMQ deletes it` };
    },
    nackQueue(_queue, consumer, m, now) {
      run(
        { kind: 'nack', channel: `${consumer}-get`, deliveryTag: Number(m.handle.split('#')[1]), requeue: true },
        now,
      );
      return {
        text: `${consumer} nacks "${m.body}" with requeue: it goes back to its place in the queue, marked redelivered`,
      };
    },
  };
}
