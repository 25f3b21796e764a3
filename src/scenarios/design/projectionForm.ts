/** The projection form: read-model columns, and per event type the operations on a row. */
import { description, eventTypeSelect, optInt } from './commonFields';
import { eventTypeNames, field, first, freshName, projectionNames, str } from './draftNames';
import { ProjectionOp } from '../schema';
import { type FieldDef, type ItemDef } from './formTypes';
import { variantText } from './schemaText';

const keyOp = { key: 'key', label: 'Row key', kind: 'expr' } as const satisfies FieldDef;
const projectionOp: FieldDef = {
  key: '',
  kind: 'variant',
  variants: [
    {
      id: 'upsert',
      ...variantText(ProjectionOp, 'op', 'upsert'),
      matches: (v) => field(v, 'op') === 'upsert',
      make: () => ({ op: 'upsert', key: { ref: 'event.streamId' }, set: {} }),
      fields: [keyOp, { key: 'set', kind: 'exprMap' }],
    },
    {
      id: 'update',
      ...variantText(ProjectionOp, 'op', 'update'),
      matches: (v) => field(v, 'op') === 'update',
      make: () => ({ op: 'update', key: { ref: 'event.streamId' }, set: {} }),
      fields: [keyOp, { key: 'set', kind: 'exprMap' }],
    },
    {
      id: 'increment',
      ...variantText(ProjectionOp, 'op', 'increment'),
      matches: (v) => field(v, 'op') === 'increment',
      make: () => ({ op: 'increment', key: { ref: 'event.streamId' }, field: 'count', by: 1 }),
      fields: [keyOp, { key: 'field', kind: 'text' }, { key: 'by', label: 'By', kind: 'expr' }],
    },
    {
      id: 'append',
      ...variantText(ProjectionOp, 'op', 'append'),
      matches: (v) => field(v, 'op') === 'append',
      make: () => ({ op: 'append', key: { ref: 'event.streamId' }, field: 'items', value: { ref: 'event.eventType' } }),
      fields: [keyOp, { key: 'field', kind: 'text' }, { key: 'value', label: 'Value', kind: 'expr' }],
    },
    {
      id: 'delete',
      ...variantText(ProjectionOp, 'op', 'delete'),
      matches: (v) => field(v, 'op') === 'delete',
      make: () => ({ op: 'delete', key: { ref: 'event.streamId' } }),
      fields: [keyOp],
    },
  ],
};

export const projectionItem: ItemDef = {
  noun: 'projection',
  title: (p) => `${str(field(p, 'title'), str(field(p, 'name'), '(unnamed)'))}`,
  fields: [
    { key: 'name', kind: 'text', renames: 'projection' },
    { key: 'title', kind: 'text' },
    { key: 'columns', kind: 'names' },
    { key: 'lagMs', kind: 'int', optional: true, min: 0 },
    optInt('version'),
    {
      key: 'on',
      kind: 'list',
      item: {
        noun: 'handler',
        title: (h) => `on ${str(field(h, 'eventType'), '(no type)')}`,
        fields: [
          eventTypeSelect(),
          {
            key: 'ops',
            kind: 'list',
            item: {
              noun: 'operation',
              title: (o) => str(field(o, 'op'), '?'),
              fields: [projectionOp],
              make: () => projectionOp.variants[0]!.make(undefined),
            },
          },
        ],
        make: (doc) => ({
          eventType: first(eventTypeNames(doc), 'SomethingHappened'),
          ops: [projectionOp.variants[0]!.make(doc)],
        }),
      },
    },
    description,
  ],
  make: (doc) => ({
    name: freshName(projectionNames(doc), 'read-model'),
    title: 'New read model',
    columns: ['status'],
    on: [
      {
        eventType: first(eventTypeNames(doc), 'SomethingHappened'),
        ops: [{ op: 'upsert', key: { ref: 'event.streamId' }, set: { status: { ref: 'event.eventType' } } }],
      },
    ],
  }),
};
