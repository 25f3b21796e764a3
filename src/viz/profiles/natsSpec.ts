/**
 * NATS JetStream's diagram: streams with their sequence range (row 0) → consumers with ack floor,
 * pending acks, redeliveries and what is still to deliver (row 1). The step's effects mark which stream
 * stored what and which consumer was handed, acked or had redelivered what.
 */
import type { NatsEffect, NatsState } from '../../engine/nats';
import type { DiagramSpec, EdgeSpec, NodeSpec } from './diagramTypes';
import { plural } from './specParts';
import { Tally } from './tally';

const sid = (s: string) => `s:${s}`;
const cid = (s: string, c: string) => `c:${s}/${c}`;

export function natsSpec(state: NatsState, effects: readonly NatsEffect[], name = 'NATS JetStream'): DiagramSpec {
  const tally = new Tally();
  const hot = new Set<string>();
  for (const e of effects) {
    switch (e.kind) {
      case 'nats-stored':
        tally.add(sid(e.stream), 'stored');
        break;
      case 'nats-duplicate':
        tally.add(sid(e.stream), 'duplicate not stored');
        break;
      case 'nats-removed':
        tally.add(sid(e.stream), `removed (${e.cause})`);
        break;
      case 'nats-js-delivered':
        tally.add(cid(e.stream, e.consumer), e.redelivered ? 'redelivered' : 'delivered');
        hot.add(`${sid(e.stream)}->${cid(e.stream, e.consumer)}`);
        break;
      case 'nats-acked':
        tally.add(cid(e.stream, e.consumer), e.how === 'term' ? 'terminated' : 'acked', e.settled.length || 1);
        break;
      case 'nats-nak':
        tally.add(cid(e.stream, e.consumer), 'nak');
        break;
      case 'nats-redelivery-due':
        tally.add(cid(e.stream, e.consumer), 'ack wait expired');
        break;
      case 'nats-max-deliver':
        tally.add(cid(e.stream, e.consumer), 'max_deliver hit');
        break;
      case 'nats-consumer-created':
        tally.add(cid(e.stream, e.consumer), 'created');
        break;
      default:
        break;
    }
  }
  const streams = Object.values(state.streams);
  const nodes: NodeSpec[] = [];
  const edges: EdgeSpec[] = [];
  for (const s of streams) {
    const first = s.messages[0]?.seq;
    nodes.push({
      id: sid(s.config.name),
      row: 0,
      kind: 'store',
      title: s.config.name,
      lines: [
        first === undefined ? `empty, last seq ${s.lastSeq}` : `seq ${first}–${s.lastSeq}`,
        plural(s.messages.length, 'message'),
        `${s.config.retention} retention`,
        s.config.subjects.join(' '),
      ],
      step: tally.line(sid(s.config.name)),
    });
    for (const c of Object.values(s.consumers)) {
      const id = cid(s.config.name, c.name);
      const waiting = s.messages.filter((m) => m.seq >= c.sseq).length;
      const redelivered = Object.keys(c.redelivered).length;
      nodes.push({
        id,
        row: 1,
        kind: 'consumer',
        title: c.name,
        lines: [
          `ack floor ${c.ackFloorStream}`,
          `pending acks ${Object.keys(c.pending).length}`,
          `redelivered ${redelivered}`,
          `to deliver ${waiting}`,
        ],
        step: tally.line(id),
      });
      edges.push({
        from: sid(s.config.name),
        to: id,
        label: c.config.filterSubject || null,
        hot: hot.has(`${sid(s.config.name)}->${id}`),
      });
    }
  }
  const consumers = streams.reduce((n, s) => n + Object.keys(s.consumers).length, 0);
  const summary =
    streams.length === 0
      ? `${name}: no stream yet.`
      : `${name}: ${plural(streams.length, 'stream')}, ${plural(consumers, 'consumer')}.`;
  return { name, nodes, edges, summary };
}
