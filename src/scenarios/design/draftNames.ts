/**
 * What the forms read from a draft (it may not validate yet): the names of its parts, through the
 * scenario index, and small defensive readers shared by the forms.
 */
import { indexScenario } from '../index/scenarioIndex';
import { type Path, getIn } from './paths';

export const objects = (doc: unknown, path: Path): Record<string, unknown>[] => {
  const v = getIn(doc, path);
  return Array.isArray(v)
    ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x))
    : [];
};
export const strings = (values: unknown[]): string[] => [
  ...new Set(values.filter((v): v is string => typeof v === 'string' && v !== '')),
];
export const str = (v: unknown, fallback = ''): string => (typeof v === 'string' && v !== '' ? v : fallback);
export const field = (item: unknown, key: string): unknown => getIn(item, [key]);

// The draft's parts by name, read through the scenario index (cached per draft, tolerant of gaps).
const idx = indexScenario;
export const topicNames = (doc: unknown) => [...idx(doc).topics.keys()];
export const producerIds = (doc: unknown) => [...idx(doc).producers];
export const groupIds = (doc: unknown) => [...idx(doc).groups.keys()];
export const aggregateTypes = (doc: unknown) => [...idx(doc).aggregates.keys()];
export const projectionNames = (doc: unknown) => [...idx(doc).projections];
export const compactedTopicNames = (doc: unknown) =>
  [...idx(doc).topics].filter(([, t]) => t.compacted).map(([n]) => n);
export const queueNames = (doc: unknown) => [...idx(doc).queues.keys()];

/** The scenario's event types: declared, emitted, written by the script or published by services. */
export const eventTypeNames = (doc: unknown) => idx(doc).eventTypeNames;

export const membersOf = (doc: unknown, groupId: unknown) =>
  typeof groupId === 'string' ? (idx(doc).groups.get(groupId)?.members ?? []) : [];
export const commandsOf = (doc: unknown, aggregate: unknown) =>
  typeof aggregate === 'string' ? (idx(doc).aggregates.get(aggregate)?.commands ?? []) : [];
export const consumersOf = (doc: unknown, queue: unknown) =>
  typeof queue === 'string' ? (idx(doc).queues.get(queue) ?? []) : [];
/** Field-reference suggestions for expressions: every declared event field under the usual roots. */
export function refSuggestions(doc: unknown): string[] {
  const fields = strings([...idx(doc).eventTypes.values()].flatMap((e) => e.declared?.fields.map((f) => f.name) ?? []));
  const stateFields = strings(
    objects(doc, ['topology', 'aggregates']).flatMap((a) =>
      Object.keys((field(a, 'fields') as object | undefined) ?? {}),
    ),
  );
  return [
    ...fields.map((f) => `data.${f}`),
    ...fields.map((f) => `event.data.${f}`),
    ...fields.map((f) => `command.${f}`),
    ...['command.id', 'state.status', ...stateFields.map((f) => `state.${f}`)],
    'event.streamId',
    'event.eventType',
  ];
}

/** A name not used yet in a list: `base`, `base-2`, `base-3`… (or `Base2` for PascalCase names). */
export function freshName(taken: readonly string[], base: string, join = '-'): string {
  if (!taken.includes(base)) return base;
  for (let i = 2; ; i++) if (!taken.includes(`${base}${join}${i}`)) return `${base}${join}${i}`;
}

export const first = (values: readonly string[], fallback: string) => values[0] ?? fallback;
