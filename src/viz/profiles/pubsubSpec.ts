/**
 * Google Cloud Pub/Sub's diagram: topics (row 0) → subscriptions with outstanding / waiting / acked
 * counts and the ordering keys held back (row 1) → the pullers or push endpoint that got messages
 * (row 2); a dead-letter topic is a dashed arrow back up to that topic.
 */
import type { PubsubEffect, PubsubState } from '../../engine/pubsub';
import type { DiagramSpec, EdgeSpec, NodeSpec } from './diagramTypes';
import { edgeMaker, plural, seenTakers } from './specParts';
import { Tally } from './tally';

const tid = (t: string) => `t:${t}`;
const sid = (s: string) => `s:${s}`;
const cid = (s: string, c: string) => `c:${s}/${c}`;

/** `seen` is every effect so far: Pub/Sub keeps no list of pullers, so the diagram shows those that pulled. */
export function pubsubSpec(
  state: PubsubState,
  effects: readonly PubsubEffect[],
  seen: readonly PubsubEffect[] = effects,
  name = 'Google Cloud Pub/Sub',
): DiagramSpec {
  const tally = new Tally();
  const hot = new Set<string>();
  for (const e of effects) {
    switch (e.kind) {
      case 'pubsub-published':
        tally.add(tid(e.topic), 'published');
        for (const s of Object.values(state.subscriptions))
          if (s.topic === e.topic) hot.add(`${tid(e.topic)}->${sid(s.name)}`);
        break;
      case 'pubsub-publish-failed':
        tally.add(tid(e.topic), e.orderingKey ? `publish failed, key ${e.orderingKey} paused` : 'publish failed');
        break;
      case 'pubsub-filtered':
        tally.add(sid(e.subscription), 'filtered out (auto-acked)');
        break;
      case 'pubsub-delivered':
        tally.add(sid(e.subscription), e.deliveryAttempt > 1 ? 'redelivered' : 'delivered');
        tally.add(cid(e.subscription, e.consumer), e.deliveryAttempt > 1 ? 'got again' : 'got');
        hot.add(`${sid(e.subscription)}->${cid(e.subscription, e.consumer)}`);
        break;
      case 'pubsub-acked':
        tally.add(sid(e.subscription), 'acked');
        break;
      case 'pubsub-nacked':
        tally.add(sid(e.subscription), 'nacked');
        break;
      case 'pubsub-deadline-expired':
        tally.add(sid(e.subscription), 'deadline passed');
        break;
      case 'pubsub-redelivery-forced':
        tally.add(sid(e.subscription), `forced back (key ${e.orderingKey})`);
        break;
      case 'pubsub-dead-lettered':
        tally.add(sid(e.subscription), 'dead-lettered');
        hot.add(`${sid(e.subscription)}->${tid(e.deadLetterTopic)}`);
        break;
      case 'pubsub-seeked':
        tally.add(sid(e.subscription), `seeked: ${e.unacked} unacked again`);
        break;
      case 'pubsub-expired':
        tally.add(sid(e.subscription), 'expired (retention)');
        break;
      default:
        break;
    }
  }
  const pullers = seenTakers(seen, (e) =>
    e.kind === 'pubsub-delivered' || e.kind === 'pubsub-pull-empty'
      ? { place: e.subscription, consumer: e.consumer }
      : null,
  );
  const subs = Object.values(state.subscriptions);
  const dlts = new Set(subs.flatMap((s) => s.deadLetter?.topic ?? []));
  const topics = Object.values(state.topics).sort((a, b) => Number(dlts.has(a.name)) - Number(dlts.has(b.name)));
  const nodes: NodeSpec[] = [
    ...topics.map((t) => ({
      id: tid(t.name),
      row: 0,
      kind: dlts.has(t.name) ? ('dead' as const) : ('router' as const),
      title: t.name,
      lines: [dlts.has(t.name) ? 'dead-letter topic' : 'topic', `retains ${t.log.length}`],
      step: tally.line(tid(t.name)),
    })),
    ...subs.map((s) => {
      const open = s.held.filter((h) => !h.acked);
      const outstanding = open.filter((h) => h.deadline !== null);
      const blocked = s.ordering
        ? [...new Set(outstanding.flatMap((h) => (h.msg.orderingKey ? [h.msg.orderingKey] : [])))]
        : [];
      return {
        id: sid(s.name),
        row: 1,
        kind: 'store' as const,
        title: s.name,
        lines: [
          `outstanding ${outstanding.length}`,
          `waiting ${open.length - outstanding.length}`,
          `acked, kept ${s.held.length - open.length}`,
          `${s.push ? 'push' : 'pull'}${s.ordering ? ', ordered' : ''}, ${s.ackDeadlineMs / 1000} s`,
          ...(blocked.length > 0 ? [`keys held: ${blocked.join(', ')}`] : []),
        ],
        step: tally.line(sid(s.name)),
      };
    }),
    ...subs.flatMap((s) =>
      [...(pullers.get(s.name) ?? [])].map((c) => ({
        id: cid(s.name, c),
        row: 2,
        kind: 'consumer' as const,
        title: c,
        lines: [s.push ? 'push endpoint' : 'pulls'],
        step: tally.line(cid(s.name, c)),
      })),
    ),
  ];
  const edge = edgeMaker(hot);
  const edges: EdgeSpec[] = [
    ...subs.map((s) => edge(tid(s.topic), sid(s.name), s.filter ? `filter ${s.filter}` : null)),
    ...subs.flatMap((s) => [...(pullers.get(s.name) ?? [])].map((c) => edge(sid(s.name), cid(s.name, c), null))),
    ...subs.flatMap((s) =>
      s.deadLetter
        ? [edge(sid(s.name), tid(s.deadLetter.topic), `after ${s.deadLetter.maxDeliveryAttempts} attempts`, true)]
        : [],
    ),
  ];
  const summary =
    nodes.length === 0
      ? `${name}: nothing created yet.`
      : `${name}: ${plural(topics.length, 'topic')}, ${plural(subs.length, 'subscription')}.${
          // A failed publish pauses its ordering key in that publisher (client side) until resumePublish.
          state.paused.length > 0 ? ` Publishing paused for ${state.paused.join(', ')} (publisher/ordering key).` : ''
        }`;
  return { name, nodes, edges, summary };
}
