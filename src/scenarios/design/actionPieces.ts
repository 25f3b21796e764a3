/**
 * Pieces the step actions share: command calls, scripted events, member and simple variants. Their names
 * and hints are the schema's (`format/actions.ts`): a variant is named by its action's title and explained
 * by its description, each field by its own.
 */
import { Action } from '../schema';
import { aggregateSelect, eventTypeSelect, groupSelect, memberSelect, nonNeg, optInt } from './commonFields';
import { aggregateTypes, commandsOf, field, first, groupIds, membersOf } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';
import { variantText } from './schemaText';

/** A step action's name in the editor's choice list, and what it does. */
const actionText = (kind: string) => variantText(Action, 'kind', kind);

export const commandCallFields: readonly FieldDef[] = [
  aggregateSelect,
  { key: 'id', kind: 'text' },
  {
    key: 'command',
    kind: 'select',
    options: ({ doc, item }) => commandsOf(doc, field(item, 'aggregate')),
    free: true,
  },
  { key: 'data', kind: 'valueMap' },
  { key: 'issuedBy', kind: 'text', optional: true },
];
export const makeCommandCall = (doc: unknown) => {
  const aggregate = first(aggregateTypes(doc), 'Thing');
  return { aggregate, id: '1', command: first(commandsOf(doc, aggregate), 'DoSomething'), data: {} };
};

export const scriptedEvent = (withKey: boolean): FieldDef => ({
  key: 'event',
  kind: 'group',
  fields: [
    eventTypeSelect(),
    ...(withKey
      ? ([
          { key: 'streamId', kind: 'text' },
          { key: 'key', kind: 'recordKey' },
        ] as const)
      : []),
    optInt('schemaVersion'),
    { key: 'data', kind: 'valueMap' },
  ],
});

export const member = (kind: string): VariantDef => ({
  id: kind,
  ...actionText(kind),
  matches: (v) => field(v, 'kind') === kind,
  make: (doc) => ({
    kind,
    group: first(groupIds(doc), 'group'),
    member: first(membersOf(doc, first(groupIds(doc), '')), 'c1'),
  }),
  fields: [groupSelect, memberSelect],
});
export const simple = (
  kind: string,
  fields: readonly FieldDef[],
  make: (doc: unknown) => Record<string, unknown>,
): VariantDef => ({
  id: kind,
  ...actionText(kind),
  matches: (v) => field(v, 'kind') === kind,
  make: (doc) => ({ kind, ...make(doc) }),
  fields,
});

export const resetTo: FieldDef = {
  key: 'to',
  kind: 'variant',
  variants: [
    { id: 'earliest', label: 'earliest', matches: (v) => v === 'earliest', make: () => 'earliest', fields: [] },
    { id: 'latest', label: 'latest', matches: (v) => v === 'latest', make: () => 'latest', fields: [] },
    {
      id: 'offset',
      label: 'an offset',
      matches: (v) => field(v, 'offset') !== undefined,
      make: () => ({ offset: 0 }),
      fields: [nonNeg('offset')],
    },
    {
      id: 'timestamp',
      label: 'a time',
      matches: (v) => field(v, 'timestamp') !== undefined,
      make: () => ({ timestamp: 0 }),
      fields: [nonNeg('timestamp')],
    },
  ],
};
