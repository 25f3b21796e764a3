/**
 * The event type form. Declaring the first event type turns the catalog on; its template then
 * declares every event type the scenario already refers to, with the fields their data shows.
 */
import { indexScenario } from '../index/scenarioIndex';
import { description, fieldList, fieldTypes } from './commonFields';
import { aggregateTypes, eventTypeNames, field, freshName, objects, str, topicNames } from './draftNames';
import { type ItemDef } from './formTypes';
import { setIn } from './paths';

export const eventTypeItem: ItemDef = {
  noun: 'event type',
  title: (e) => `${str(field(e, 'name'), '(unnamed)')} v${String(field(e, 'schemaVersion') ?? '?')}`,
  fields: [
    {
      key: 'name',
      kind: 'text',
      renames: 'eventType',
    },
    {
      key: 'schemaVersion',
      kind: 'int',
      min: 1,
    },
    fieldList,
    {
      key: 'aggregate',
      kind: 'select',
      options: ({ doc }) => aggregateTypes(doc),
      optional: true,
      free: true,
    },
    { key: 'topic', kind: 'select', options: ({ doc }) => topicNames(doc), optional: true, free: true },
    description,
    {
      key: 'previousVersions',
      kind: 'list',
      optional: true,
      item: {
        noun: 'earlier version',
        title: (v) => `version ${String(field(v, 'schemaVersion') ?? '?')}`,
        fields: [{ key: 'schemaVersion', kind: 'int', min: 1 }, fieldList],
        make: () => ({ schemaVersion: 1, fields: [] }),
      },
    },
  ],
  make: (doc) => ({ name: freshName(eventTypeNames(doc), 'SomethingHappened', ''), schemaVersion: 1, fields: [] }),
  after: (doc, made) => {
    // The first declared event type turns the catalog on, and then every event type used must be
    // declared: declare the ones the scenario already uses, with the fields their data shows.
    const catalog = objects(doc, ['topology', 'eventTypes']);
    if (catalog.length !== 1) return doc;
    const used = usedEventTypes(doc).filter((u) => u.name !== str(field(made, 'name')));
    return used.length === 0 ? doc : setIn(doc, ['topology', 'eventTypes'], [...used.map(declaration), made]);
  },
};

type FieldType = (typeof fieldTypes)[number];
const typeOfValue = (v: unknown): FieldType =>
  typeof v === 'number'
    ? 'number'
    : typeof v === 'boolean'
      ? 'boolean'
      : Array.isArray(v)
        ? 'array'
        : typeof v === 'object' && v !== null && !('ref' in v)
          ? 'object'
          : 'string';

/**
 * Every event type the scenario refers to (written, read, routed or expected: once one is declared,
 * all of them must be), with the fields the data written shows.
 */
function usedEventTypes(doc: unknown): { name: string; fields: Map<string, FieldType> }[] {
  return [...indexScenario(doc).eventTypes.values()].map((e) => {
    const fields = new Map<string, FieldType>();
    for (const w of e.writes)
      for (const [k, x] of Object.entries(w.data)) if (!fields.has(k)) fields.set(k, typeOfValue(x));
    return { name: e.name, fields };
  });
}

const declaration = (u: { name: string; fields: Map<string, FieldType> }) => ({
  name: u.name,
  schemaVersion: 1,
  fields: [...u.fields].map(([name, type]) => ({ name, type })),
  description: 'Declared from the events this scenario already uses; check the field types.',
});
