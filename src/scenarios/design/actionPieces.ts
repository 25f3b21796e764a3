/** Pieces the step actions share: command calls, scripted events, member and simple variants. */
import { aggregateSelect, eventTypeSelect, groupSelect, memberSelect, nonNeg, optInt } from './commonFields';
import { aggregateTypes, commandsOf, field, first, groupIds, membersOf } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

export const commandCallFields: readonly FieldDef[] = [
  aggregateSelect,
  { key: 'id', label: 'Aggregate id', kind: 'text' },
  {
    key: 'command',
    label: 'Command',
    kind: 'select',
    options: ({ doc, item }) => commandsOf(doc, field(item, 'aggregate')),
    free: true,
  },
  { key: 'data', label: 'Command data', kind: 'valueMap' },
  { key: 'issuedBy', label: 'Sent by', kind: 'text', optional: true },
];
export const makeCommandCall = (doc: unknown) => {
  const aggregate = first(aggregateTypes(doc), 'Thing');
  return { aggregate, id: '1', command: first(commandsOf(doc, aggregate), 'DoSomething'), data: {} };
};

export const scriptedEvent = (withKey: boolean): FieldDef => ({
  key: 'event',
  label: 'Event',
  kind: 'group',
  fields: [
    eventTypeSelect(),
    ...(withKey
      ? ([
          { key: 'streamId', label: 'Stream', kind: 'text' },
          { key: 'key', label: 'Record key', kind: 'recordKey' },
        ] as const)
      : []),
    optInt('schemaVersion', 'Schema version'),
    { key: 'data', label: 'Data', kind: 'valueMap' },
  ],
});

export const member = (kind: string, label: string): VariantDef => ({
  id: kind,
  label,
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
  label: string,
  fields: readonly FieldDef[],
  make: (doc: unknown) => Record<string, unknown>,
): VariantDef => ({
  id: kind,
  label,
  matches: (v) => field(v, 'kind') === kind,
  make: (doc) => ({ kind, ...make(doc) }),
  fields,
});

export const resetTo: FieldDef = {
  key: 'to',
  label: 'Reset to',
  kind: 'variant',
  variants: [
    { id: 'earliest', label: 'earliest', matches: (v) => v === 'earliest', make: () => 'earliest', fields: [] },
    { id: 'latest', label: 'latest', matches: (v) => v === 'latest', make: () => 'latest', fields: [] },
    {
      id: 'offset',
      label: 'an offset',
      matches: (v) => field(v, 'offset') !== undefined,
      make: () => ({ offset: 0 }),
      fields: [nonNeg('offset', 'Offset')],
    },
    {
      id: 'timestamp',
      label: 'a time',
      matches: (v) => field(v, 'timestamp') !== undefined,
      make: () => ({ timestamp: 0 }),
      fields: [nonNeg('timestamp', 'Timestamp (ms)')],
    },
  ],
};
