/** Pieces the forms share: descriptions, field lists, choices of the draft's own parts, numbers. */
import {
  aggregateTypes,
  consumersOf,
  eventTypeNames,
  field,
  freshName,
  groupIds,
  membersOf,
  producerIds,
  projectionNames,
  queueNames,
  str,
  topicNames,
} from './draftNames';
import { type FieldDef } from './formTypes';

export const description: FieldDef = {
  key: 'description',
  kind: 'text',
  multiline: true,
  optional: true,
};
export const fieldTypes = ['string', 'number', 'boolean', 'object', 'array'] as const;

export const fieldList: FieldDef = {
  key: 'fields',
  kind: 'list',
  item: {
    noun: 'field',
    title: (f) =>
      `${str(field(f, 'name'), '(unnamed)')}: ${str(field(f, 'type'), '?')}${field(f, 'optional') ? ' (optional)' : ''}`,
    fields: [
      { key: 'name', kind: 'text' },
      { key: 'type', kind: 'select', options: fieldTypes },
      { key: 'optional', kind: 'bool' },
      description,
    ],
    make: (_doc, list) => ({
      name: freshName(
        list.map((f) => str(field(f, 'name'))),
        'field',
        '',
      ),
      type: 'string',
    }),
  },
};

export const eventTypeSelect = (key = 'eventType'): FieldDef => ({
  key,
  kind: 'select',
  options: ({ doc }) => eventTypeNames(doc),
  free: true,
});
export const topicSelect = (key = 'topic'): FieldDef => ({
  key,
  kind: 'select',
  options: ({ doc }) => topicNames(doc),
  free: true,
});
export const groupSelect: FieldDef = {
  key: 'group',
  kind: 'select',
  options: ({ doc }) => groupIds(doc),
  free: true,
};
export const memberSelect: FieldDef = {
  key: 'member',
  kind: 'select',
  options: ({ doc, item }) => membersOf(doc, field(item, 'group')),
  free: true,
};
export const producerSelect: FieldDef = {
  key: 'producer',
  kind: 'select',
  options: ({ doc }) => producerIds(doc),
  free: true,
};
export const aggregateSelect: FieldDef = {
  key: 'aggregate',
  kind: 'select',
  options: ({ doc }) => aggregateTypes(doc),
  free: true,
};
export const projectionSelect: FieldDef = {
  key: 'projection',
  kind: 'select',
  options: ({ doc }) => projectionNames(doc),
  free: true,
};
export const queueSelect: FieldDef = {
  key: 'queue',
  kind: 'select',
  options: ({ doc }) => queueNames(doc),
  free: true,
};
export const queueConsumer: FieldDef = {
  key: 'consumer',
  kind: 'select',
  options: ({ doc, item }) => consumersOf(doc, field(item, 'queue')),
  free: true,
};
/** An optional whole number from 1; `label` only where the schema does not name the field. */
export const optInt = (key: string, label?: string): FieldDef => ({
  key,
  ...(label ? { label } : {}),
  kind: 'int',
  optional: true,
  min: 1,
});
/** A whole number from 0; `label` only where the schema does not name the field. */
export const nonNeg = (key: string, label?: string): FieldDef => ({
  key,
  ...(label ? { label } : {}),
  kind: 'int',
  min: 0,
});
