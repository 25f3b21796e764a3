/**
 * Amazon SNS + SQS's diagram: SNS topics (row 0) → subscriptions with their filter policies → SQS queues
 * with visible / in-flight counts (row 1) → the consumers that receive from them and, dashed, the
 * dead-letter queue a queue redrives to after maxReceiveCount receives (row 2).
 */
import type { SqsEffect, SqsState } from '../../engine/sqs';
import type { DiagramSpec, EdgeSpec, NodeSpec } from './diagramTypes';
import { edgeMaker, plural, seenTakers } from './specParts';
import { Tally } from './tally';

const tid = (t: string) => `t:${t}`;
const qid = (q: string) => `q:${q}`;
const cid = (q: string, c: string) => `c:${q}/${c}`;

/**
 * `seen` is every effect up to and including this step: SQS keeps no list of consumers (anyone may
 * receive), so the diagram shows those that have received from each queue.
 */
export function sqsSpec(
  state: SqsState,
  effects: readonly SqsEffect[],
  seen: readonly SqsEffect[] = effects,
  name = 'Amazon SNS + SQS',
): DiagramSpec {
  const tally = new Tally();
  const hot = new Set<string>();
  const published = new Set<string>();
  for (const e of effects) {
    switch (e.kind) {
      case 'sns-published':
        published.add(e.topic);
        tally.add(tid(e.topic), 'published');
        break;
      case 'sns-filtered-out':
        tally.add(tid(e.topic), `filtered out for ${e.queue}`);
        break;
      case 'sns-deduplicated':
      case 'sqs-deduplicated':
        tally.add('topic' in e ? tid(e.topic) : qid(e.queue), 'deduplicated');
        break;
      case 'sqs-sent':
        tally.add(qid(e.queue), 'in');
        for (const s of state.subscriptions)
          if (s.queue === e.queue && published.has(s.topic)) hot.add(`${tid(s.topic)}->${qid(s.queue)}`);
        break;
      case 'sqs-received':
        tally.add(qid(e.queue), 'received');
        tally.add(cid(e.queue, e.consumer), e.delivery.receiveCount > 1 ? 'received again' : 'received');
        hot.add(`${qid(e.queue)}->${cid(e.queue, e.consumer)}`);
        break;
      case 'sqs-receive-empty':
        tally.add(cid(e.queue, e.consumer), 'got nothing');
        break;
      case 'sqs-deleted':
        tally.add(qid(e.queue), 'deleted');
        break;
      case 'sqs-duplicate-kept':
        tally.add(qid(e.queue), 'copy kept');
        break;
      case 'sqs-visibility-expired':
        tally.add(qid(e.queue), 'timed out');
        break;
      case 'sqs-dead-lettered':
        tally.add(qid(e.queue), 'redriven');
        tally.add(qid(e.deadLetterQueue), 'in');
        hot.add(`${qid(e.queue)}->${qid(e.deadLetterQueue)}`);
        break;
      case 'sqs-expired':
        tally.add(qid(e.queue), 'expired (retention)');
        break;
      default:
        break;
    }
  }
  const dlqs = new Set(Object.values(state.queues).flatMap((q) => q.redrive?.deadLetterQueue ?? []));
  const queues = Object.values(state.queues);
  const consumers = seenTakers(seen, (e) =>
    e.kind === 'sqs-received' || e.kind === 'sqs-receive-empty' ? { place: e.queue, consumer: e.consumer } : null,
  );
  const now = state.now;
  const nodes: NodeSpec[] = [
    ...Object.values(state.topics).map((t) => ({
      id: tid(t.name),
      row: 0,
      kind: 'router' as const,
      title: t.name,
      lines: [`SNS ${t.fifo ? 'FIFO ' : ''}topic`],
      step: tally.line(tid(t.name)),
    })),
    ...queues
      .filter((q) => !dlqs.has(q.name))
      .map((q) => {
        const inFlight = q.messages.filter((m) => m.inFlightUntil !== null && m.inFlightUntil > now).length;
        const delayed = q.messages.filter(
          (m) => m.visibleAt > now && !(m.inFlightUntil !== null && m.inFlightUntil > now),
        ).length;
        return {
          id: qid(q.name),
          row: 1,
          kind: 'store' as const,
          title: q.name,
          lines: [
            `visible ${q.messages.length - inFlight - delayed}`,
            `in flight ${inFlight}`,
            ...(delayed ? [`delayed ${delayed}`] : []),
            `${q.fifo ? 'FIFO' : 'standard'} queue`,
            `visibility ${q.visibilityTimeoutMs / 1000} s`,
          ],
          step: tally.line(qid(q.name)),
        };
      }),
    ...queues.flatMap((q) =>
      [...(consumers.get(q.name) ?? [])].map((c) => ({
        id: cid(q.name, c),
        row: 2,
        kind: 'consumer' as const,
        title: c,
        lines: [state.polls.some((p) => p.queue === q.name && p.consumer === c) ? 'long poll waiting' : 'receives'],
        step: tally.line(cid(q.name, c)),
      })),
    ),
    ...queues
      .filter((q) => dlqs.has(q.name))
      .map((q) => ({
        id: qid(q.name),
        row: 2,
        kind: 'dead' as const,
        title: q.name,
        lines: [plural(q.messages.length, 'message'), 'dead-letter queue'],
        step: tally.line(qid(q.name)),
      })),
  ];
  const edge = edgeMaker(hot);
  const edges: EdgeSpec[] = [
    ...state.subscriptions.map((s) =>
      edge(tid(s.topic), qid(s.queue), s.filterPolicy ? `filter ${JSON.stringify(s.filterPolicy)}` : null),
    ),
    ...queues.flatMap((q) => [...(consumers.get(q.name) ?? [])].map((c) => edge(qid(q.name), cid(q.name, c), null))),
    ...queues.flatMap((q) =>
      q.redrive
        ? [edge(qid(q.name), qid(q.redrive.deadLetterQueue), `after ${q.redrive.maxReceiveCount} receives`, true)]
        : [],
    ),
  ];
  const summary =
    nodes.length === 0
      ? `${name}: nothing created yet.`
      : `${name}: ${plural(Object.keys(state.topics).length, 'SNS topic')}, ${plural(queues.length, 'SQS queue')}.`;
  return { name, nodes, edges, summary };
}
