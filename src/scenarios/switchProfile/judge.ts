/**
 * Whether switching a scenario onto another broker makes sense, decided from its script: a scenario whose
 * point is the event store, Kafka replication or Kafka transactions is not about the broker's delivery, so
 * the switch is refused with the reason; otherwise it is meaningful, and what cannot carry over is listed.
 */
import type { ScenarioDef } from '../schema';

const BROKER = new Set([
  'publish',
  'poll',
  'commit',
  'join',
  'leave',
  'crash',
  'seek',
  'reset-offsets',
  'add-partitions',
  'compact',
  'restart-producer',
  'enqueue',
  'receive',
  'ack',
  'nack',
]);
const STORE = new Set(['command', 'race', 'relay', 'project', 'rebuild', 'query', 'load']);
const REPLICATION = new Set([
  'produce',
  'follower-fetch',
  'consumer-fetch',
  'crash-broker',
  'restart-broker',
  'elect-leader',
]);
const TRANSACTIONS = new Set([
  'init-transactions',
  'begin-transaction',
  'send-offsets-to-transaction',
  'commit-transaction',
  'abort-transaction',
]);

export interface Judgement {
  readonly meaningful: boolean;
  readonly verdict: string;
}

export function judge(s: ScenarioDef, profileName: string): Judgement {
  const kinds = s.steps.map((st) => st.action.kind);
  const count = (set: Set<string>) => kinds.filter((k) => set.has(k)).length;
  const broker = count(BROKER);
  const store = count(STORE);
  const no = (verdict: string): Judgement => ({ meaningful: false, verdict });
  if (count(REPLICATION) > 0 || s.topology.replication)
    return no(
      `Not meaningful: this scenario is about Kafka replication (replicas, the ISR, leader elections, acks). ${profileName} as simulated here is one node with no replicas, so there is nothing of its point to show.`,
    );
  if (count(TRANSACTIONS) > 0)
    return no(
      `Not meaningful: this scenario is about Kafka transactions — consumed offsets and produced records committed together, and read_committed readers skipping aborted ones. ${profileName} as simulated here has no transaction that spans an acknowledgement and a publish, so its point has no counterpart.`,
    );
  if (s.topology.topics.length === 0 && (s.topology.queues ?? []).length === 0)
    return no(
      `Not meaningful: this scenario has no topics or queues — its point is the event store (streams, revisions, commands, projections), which stays the same whatever broker carries the events.`,
    );
  if (store >= broker)
    return no(
      `Not meaningful: ${store} of its ${kinds.length} steps are event-store commands, projections, queries or the outbox relay and only ${broker} are broker steps — its point is the event store and its read side, which stay the same whatever broker carries the events.`,
    );
  // Anything else that is not a broker step (sagas, inbox/outbox steps, …) is the application's side.
  const other = kinds.filter((k) => !BROKER.has(k) && !STORE.has(k) && k !== 'note' && k !== 'advance-time');
  if (store + other.length >= broker)
    return no(
      `Not meaningful: ${store + other.length} of its ${kinds.length} steps are the application's side (${[...new Set([...kinds.filter((k) => STORE.has(k)), ...other])].join(', ')}) and only ${broker} are broker steps — its point is not how a broker delivers, and those steps stay the same whatever broker carries the messages.`,
    );
  return {
    meaningful: true,
    verdict: `${broker} of its ${kinds.length} steps are broker steps and run on ${profileName}; anything that cannot carry over is listed with the reason.`,
  };
}
