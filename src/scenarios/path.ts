/**
 * The learning path on the start page: every built-in scenario belongs to one group, in the order a learner
 * should meet them — basics → Kafka in depth → event sourcing and CQRS → patterns → operations → design
 * practice. `PATH` places each built-in by id; `path.test.ts` fails, naming this file, when a built-in has no
 * place. Until it has one, a scenario is never dropped: `groupOf` guesses a group from its concepts and title.
 */
export const PATH_GROUPS = [
  { id: 'basics', title: 'Basics', blurb: 'Events, topics, partitions and consumer groups; a log next to a queue.' },
  {
    id: 'kafka',
    title: 'Kafka in depth',
    blurb: 'Keys and ordering, rebalances, offsets and lag, delivery guarantees, transactions.',
  },
  {
    id: 'event-sourcing',
    title: 'Event sourcing and CQRS',
    blurb: 'The events are the state: streams, aggregates, projections, schema versions.',
  },
  {
    id: 'patterns',
    title: 'Patterns',
    blurb: 'What real systems add on top: sagas, out-of-order handling, inbox and outbox…',
  },
  { id: 'operations', title: 'Operations', blurb: 'Keeping it running: replicas and failover, hot partitions, lag.' },
  { id: 'design', title: 'Design practice', blurb: 'Design events and whole systems, as in an interview.' },
] as const;

export type PathGroupId = (typeof PATH_GROUPS)[number]['id'];

/** Each built-in's place, by id. A new built-in gets a line here. */
export const PATH: Readonly<Record<string, PathGroupId>> = {
  'pubsub-basics': 'basics',
  'log-vs-queue': 'basics',
  'partitions-keys-ordering': 'kafka',
  'consumer-groups-rebalancing': 'kafka',
  'offsets-lag-retention-replay': 'kafka',
  'delivery-guarantees': 'kafka',
  'exactly-once': 'kafka',
  'event-sourcing': 'event-sourcing',
  'schema-evolution': 'event-sourcing',
  'cqrs-orders': 'event-sourcing',
  sagas: 'patterns',
  'schema-registry': 'patterns',
  'out-of-order': 'patterns',
  'inbox-outbox': 'patterns',
  'stream-processing': 'patterns',
  'event-styles': 'patterns',
  'right-to-be-forgotten': 'patterns',
  durability: 'operations',
  'hot-partitions': 'operations',
  'two-regions': 'operations',
  observability: 'operations',
  backpressure: 'operations',
  'designing-events': 'design',
  'ride-sharing': 'design',
  'testing-event-driven': 'design',
};

// The first that matches a scenario's concepts and title, for one PATH does not place yet.
const HINTS: readonly (readonly [RegExp, PathGroupId])[] = [
  [/interview|design a|designing|event design|testing|contract/i, 'design'],
  [
    /saga|outbox|inbox|idempoten|out-of-order|choreograph|orchestrat|erasure|forgotten|crypto|stream processing|window/i,
    'patterns',
  ],
  [/lag|backpressure|hot partition|skew|replica|region|failover|observab|trac|alert|monitor/i, 'operations'],
  [/event sourcing|cqrs|projection|aggregate|upcast|snapshot|read model|event store/i, 'event-sourcing'],
  [/partition|offset|consumer group|rebalanc|transaction|exactly-once|acks|kafka|schema registry|compatib/i, 'kafka'],
];

const own = (id: string) => Object.prototype.hasOwnProperty.call(PATH, id);

/** The group of a scenario: its place in PATH, else a guess from what it teaches (never none). */
export function groupOf(s: { id: string; title: string; concepts: readonly string[]; level: string }): PathGroupId {
  if (own(s.id)) return PATH[s.id]!;
  const text = [s.title, ...s.concepts].join(' · ');
  for (const [pattern, group] of HINTS) if (pattern.test(text)) return group;
  return s.level === 'beginner' ? 'basics' : 'patterns';
}

/** Whether PATH places it (a guessed group is shown all the same). */
export const isPlaced = (id: string) => own(id);

/** The groups in path order, each with its scenarios in the order given; empty groups left out. */
export function learningPath<S extends { id: string; title: string; concepts: readonly string[]; level: string }>(
  scenarios: readonly S[],
): { group: (typeof PATH_GROUPS)[number]; scenarios: S[] }[] {
  return PATH_GROUPS.map((group) => ({ group, scenarios: scenarios.filter((s) => groupOf(s) === group.id) })).filter(
    (g) => g.scenarios.length > 0,
  );
}
