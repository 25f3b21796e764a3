/** The upcaster form: how an event stored at an old schema version is read at the next one. */
import { description, eventTypeSelect } from './commonFields';
import { eventTypeNames, field, first, objects, str } from './draftNames';
import { type FieldDef, type ItemDef } from './formTypes';

const upcastOp: FieldDef = {
  key: '',
  label: 'Change',
  kind: 'variant',
  variants: [
    {
      id: 'rename',
      label: 'rename a field',
      matches: (v) => field(v, 'op') === 'rename',
      make: () => ({ op: 'rename', from: 'old', to: 'new' }),
      fields: [
        { key: 'from', label: 'From', kind: 'text' },
        { key: 'to', label: 'To', kind: 'text' },
      ],
    },
    {
      id: 'add',
      label: 'add a field with a default',
      matches: (v) => field(v, 'op') === 'add',
      make: () => ({ op: 'add', field: 'field', value: null }),
      fields: [
        { key: 'field', label: 'Field', kind: 'text' },
        { key: 'value', label: 'Default value', kind: 'json' },
      ],
    },
    {
      id: 'remove',
      label: 'remove a field',
      matches: (v) => field(v, 'op') === 'remove',
      make: () => ({ op: 'remove', field: 'field' }),
      fields: [{ key: 'field', label: 'Field', kind: 'text' }],
    },
    {
      id: 'convert',
      label: 'convert a field’s type',
      matches: (v) => field(v, 'op') === 'convert',
      make: () => ({ op: 'convert', field: 'field', to: 'string' }),
      fields: [
        { key: 'field', label: 'Field', kind: 'text' },
        { key: 'to', label: 'To type', kind: 'select', options: ['string', 'number', 'boolean'] },
      ],
    },
  ],
};

export const upcasterItem: ItemDef = {
  noun: 'upcaster',
  title: (u) => `${str(field(u, 'eventType'), '(no type)')} from v${String(field(u, 'fromVersion') ?? '?')}`,
  fields: [
    eventTypeSelect(),
    {
      key: 'fromVersion',
      kind: 'int',
      min: 1,
    },
    {
      key: 'ops',
      kind: 'list',
      item: {
        noun: 'change',
        title: (o) => str(field(o, 'op'), '?'),
        fields: [upcastOp],
        make: () => upcastOp.variants[0]!.make(undefined),
      },
    },
    description,
  ],
  make: (doc) => {
    // The next version not upcast yet, so a new upcaster never duplicates one.
    const eventType = first(eventTypeNames(doc), 'SomethingHappened');
    const taken = objects(doc, ['topology', 'upcasters'])
      .filter((u) => u.eventType === eventType)
      .map((u) => (typeof u.fromVersion === 'number' ? u.fromVersion : 0));
    return { eventType, fromVersion: Math.max(0, ...taken) + 1, ops: [{ op: 'add', field: 'field', value: null }] };
  },
};
