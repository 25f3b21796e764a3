/**
 * RabbitMQ's diagram: exchanges (row 0) → bindings with their keys → queues with ready/unacked counts
 * (row 1) → consumers with what they hold against their prefetch (row 2); a queue's dead-letter exchange
 * is a dashed arrow down to that exchange and its queues (row 3). The step's effects mark where messages moved.
 */
import type { RabbitEffect, RabbitState } from '../../engine/rabbitmq';
import type { DiagramSpec, EdgeSpec, NodeSpec } from './diagramTypes';
import { edgeMaker, plural } from './specParts';
import { Tally } from './tally';

const DEFAULT = '(default exchange)';
const xid = (x: string) => `x:${x === '' ? DEFAULT : x}`;
const qid = (q: string) => `q:${q}`;
const cid = (tag: string) => `c:${tag}`;

export function rabbitmqSpec(state: RabbitState, effects: readonly RabbitEffect[], name = 'RabbitMQ'): DiagramSpec {
  const { tally, hot } = stepMarks(state, effects);
  const dlxs = new Set(Object.values(state.queues).flatMap((q) => q.args.deadLetterExchange ?? []));
  const bound = new Set(state.bindings.map((b) => b.queue));
  const queues = Object.values(state.queues).sort(
    (a, b) => Number(deadOnly(a.name)) - Number(deadOnly(b.name)) || order(a.name) - order(b.name),
  );
  function deadOnly(q: string) {
    const from = state.bindings.filter((b) => b.queue === q).map((b) => b.exchange);
    return from.length > 0 && from.every((x) => dlxs.has(x));
  }
  function order(q: string) {
    const i = state.bindings.findIndex((b) => b.queue === q);
    return i < 0 ? Infinity : i;
  }
  // Consumers in the order of their queues, so arrows from the queue row down do not cross.
  const consumers = Object.values(state.consumers).sort(
    (a, b) => queues.findIndex((q) => q.name === a.queue) - queues.findIndex((q) => q.name === b.queue),
  );
  const viaDefault = queues.some((q) => !bound.has(q.name)) || tally.line(xid('')) !== null;
  const exchanges = Object.values(state.exchanges)
    .filter((x) => x.name !== '' && !x.name.startsWith('amq.'))
    .sort((a, b) => Number(dlxs.has(a.name)) - Number(dlxs.has(b.name)));
  const nodes: NodeSpec[] = [
    ...(viaDefault
      ? [
          {
            id: xid(''),
            row: 0,
            kind: 'router' as const,
            title: DEFAULT,
            lines: ['direct, key = queue name'],
            step: tally.line(xid('')),
          },
        ]
      : []),
    ...exchanges.map((x) => ({
      id: xid(x.name),
      // Dead-letter exchanges sit below the consumers with their queues: only failed messages go there.
      row: dlxs.has(x.name) ? 3 : 0,
      kind: 'router' as const,
      title: x.name,
      lines: [`${x.type} exchange`, ...(dlxs.has(x.name) ? ['dead-letter exchange'] : [])],
      step: tally.line(xid(x.name)),
    })),
    ...queues.map((q) => {
      const unacked = Object.values(state.channels).reduce(
        (n, ch) => n + ch.unacked.filter((u) => u.queue === q.name).length,
        0,
      );
      const args = [
        q.args.deadLetterExchange !== null ? `DLX ${q.args.deadLetterExchange}` : '',
        q.args.deliveryLimit !== null ? `delivery-limit ${q.args.deliveryLimit}` : '',
        q.args.messageTtl !== null ? `TTL ${q.args.messageTtl} ms` : '',
      ].filter(Boolean);
      const counts =
        q.type === 'stream'
          ? `log ${q.log.length}${q.log.length > 0 ? ` (offsets 0–${q.log.length - 1})` : ''}`
          : `ready ${q.ready.length + q.returned.length} · unacked ${unacked}`;
      return {
        id: qid(q.name),
        row: deadOnly(q.name) ? 3 : 1,
        kind: deadOnly(q.name) ? ('dead' as const) : ('store' as const),
        title: q.name,
        lines: [counts, `${q.type} queue`, ...args],
        step: tally.line(qid(q.name)),
      };
    }),
    ...consumers.map((c) => {
      const held = state.channels[c.channel]?.unacked.filter((u) => u.consumerTag === c.tag).length ?? 0;
      return {
        id: cid(c.tag),
        row: 2,
        kind: 'consumer' as const,
        title: c.tag,
        lines:
          c.streamNext !== null
            ? [`next offset ${c.streamNext}`, `on ${c.queue}`]
            : [`unacked ${held}`, `prefetch ${c.prefetch === 0 ? 'unlimited' : c.prefetch}`],
        step: tally.line(cid(c.tag)),
      };
    }),
  ];
  const edge = edgeMaker(hot);
  const edges: EdgeSpec[] = [
    ...queues.filter((q) => viaDefault && !bound.has(q.name)).map((q) => edge(xid(''), qid(q.name), null)),
    ...state.bindings.map((b) =>
      edge(
        xid(b.exchange),
        qid(b.queue),
        state.exchanges[b.exchange]?.type === 'fanout' ? null : b.routingKey === '' ? '(empty key)' : b.routingKey,
      ),
    ),
    ...queues.flatMap((q) =>
      q.args.deadLetterExchange !== null
        ? [edge(qid(q.name), xid(q.args.deadLetterExchange), 'dead letters', true)]
        : [],
    ),
    ...consumers.map((c) => edge(qid(c.queue), cid(c.tag), null)),
  ];
  const userExchanges = exchanges.length + (viaDefault ? 1 : 0);
  const summary =
    nodes.length === 0
      ? `${name}: nothing declared yet.`
      : `${name}: ${plural(userExchanges, 'exchange')}, ${plural(queues.length, 'queue')}, ${plural(Object.keys(state.consumers).length, 'consumer')}.`;
  return { name, nodes, edges, summary };
}

/** What each box did in this step, and the arrows messages took. */
function stepMarks(state: RabbitState, effects: readonly RabbitEffect[]) {
  const tally = new Tally();
  const hot = new Set<string>();
  for (const e of effects) {
    switch (e.kind) {
      case 'rabbitmq-routed':
        tally.add(xid(e.exchange), 'routed');
        for (const q of e.queues) hot.add(`${xid(e.exchange)}->${qid(q)}`);
        break;
      case 'rabbitmq-unroutable':
        tally.add(xid(e.exchange), 'unroutable, dropped');
        break;
      case 'rabbitmq-enqueued':
        tally.add(qid(e.queue), 'in');
        break;
      case 'rabbitmq-stream-appended':
        tally.add(qid(e.queue), 'appended');
        break;
      case 'rabbitmq-publish-refused':
        tally.add(qid(e.queue), 'refused');
        break;
      case 'rabbitmq-delivered':
        tally.add(qid(e.queue), e.consumerTag === null ? 'got (basic.get)' : 'delivered');
        if (e.consumerTag !== null) {
          tally.add(cid(e.consumerTag), e.redelivered ? 'redelivered' : 'received');
          hot.add(`${qid(e.queue)}->${cid(e.consumerTag)}`);
        }
        break;
      case 'rabbitmq-acked': {
        // The ack names the channel: its consumer (if one still consumes there) did it.
        const c = Object.values(state.consumers).find((x) => x.channel === e.channel);
        if (c) tally.add(cid(c.tag), 'acked');
        if (c) tally.add(qid(c.queue), 'acked');
        break;
      }
      case 'rabbitmq-requeued':
        tally.add(qid(e.queue), 'requeued');
        break;
      case 'rabbitmq-dead-lettered':
        tally.add(qid(e.queue), 'dead-lettered');
        tally.add(xid(e.deadLetterExchange), 'routed');
        hot.add(`${qid(e.queue)}->${xid(e.deadLetterExchange)}`);
        for (const q of e.to) hot.add(`${xid(e.deadLetterExchange)}->${qid(q)}`);
        break;
      case 'rabbitmq-dropped':
        tally.add(qid(e.queue), `dropped (${e.deathReason})`);
        break;
      case 'rabbitmq-consumer-started':
        tally.add(cid(e.consumerTag), 'started');
        break;
      default:
        break;
    }
  }
  return { tally, hot };
}
