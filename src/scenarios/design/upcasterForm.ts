/** The upcaster form: how an event stored at an old schema version is read at the next one. */
import { description, eventTypeSelect } from './commonFields';
import { eventTypeNames, field, first, objects, str } from './draftNames';
import { UpcastOp } from '../schema';
import { type FieldDef, type ItemDef } from './formTypes';
import { variantText } from './schemaText';

const upcastOp: FieldDef = {
  key: '',
  kind: 'variant',
  variants: [
    {
      id: 'rename',
      ...variantText(UpcastOp, 'op', 'rename'),
      matches: (v) => field(v, 'op') === 'rename',
      make: () => ({ op: 'rename', from: 'old', to: 'new' }),
      fields: [
        { key: 'from', kind: 'text' },
        { key: 'to', kind: 'text' },
      ],
    },
    {
      id: 'add',
      ...variantText(UpcastOp, 'op', 'add'),
      matches: (v) => field(v, 'op') === 'add',
      make: () => ({ op: 'add', field: 'field', value: null }),
      fields: [
        { key: 'field', kind: 'text' },
        { key: 'value', kind: 'json' },
      ],
    },
    {
      id: 'remove',
      ...variantText(UpcastOp, 'op', 'remove'),
      matches: (v) => field(v, 'op') === 'remove',
      make: () => ({ op: 'remove', field: 'field' }),
      fields: [{ key: 'field', kind: 'text' }],
    },
    {
      id: 'convert',
      ...variantText(UpcastOp, 'op', 'convert'),
      matches: (v) => field(v, 'op') === 'convert',
      make: () => ({ op: 'convert', field: 'field', to: 'string' }),
      fields: [
        { key: 'field', kind: 'text' },
        { key: 'to', kind: 'select', options: ['string', 'number', 'boolean'] },
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
