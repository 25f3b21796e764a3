/**
 * The form of the schema registry (`topology.registry`, `format/registry.ts`): its subjects with their
 * compatibility mode, and the Avro record schemas the steps register, write and read with.
 */
import { AVRO_TYPES, COMPATIBILITY_MODES as MODES } from '../format/registry';
import { field, freshName, objects, str } from './draftNames';
import { type FieldDef, type ItemDef } from './formTypes';

const subjectItem: ItemDef = {
  noun: 'subject',
  title: (s) => `${str(field(s, 'name'), '(unnamed)')} · ${str(field(s, 'mode'), 'BACKWARD (default)')}`,
  fields: [
    { key: 'name', kind: 'text' },
    { key: 'mode', kind: 'select', options: MODES, optional: true },
  ],
  make: (doc) => ({
    name: freshName(
      objects(doc, ['topology', 'registry', 'subjects']).map((s) => str(s.name)),
      'subject-value',
    ),
  }),
};

const avroFieldItem: ItemDef = {
  noun: 'field',
  title: (f) =>
    `${str(field(f, 'name'), '(unnamed)')}: ${str(field(f, 'type'), '?')}${field(f, 'default') !== undefined ? ` = ${JSON.stringify(field(f, 'default'))}` : ''}`,
  fields: [
    { key: 'name', kind: 'text' },
    { key: 'type', kind: 'select', options: AVRO_TYPES },
    { key: 'default', kind: 'json', optional: true },
    { key: 'aliases', kind: 'names', optional: true },
  ],
  make: (_doc, list) => ({
    name: freshName(
      list.map((f) => str(field(f, 'name'))),
      'field',
      '',
    ),
    type: 'string',
  }),
};

const schemaItem: ItemDef = {
  noun: 'schema',
  title: (s) =>
    `${str(field(s, 'id'), '(unnamed)')} · record ${str(field(s, 'record'), '?')} · ${Array.isArray(field(s, 'fields')) ? (field(s, 'fields') as unknown[]).length : 0} field(s)`,
  fields: [
    { key: 'id', kind: 'text' },
    { key: 'record', kind: 'text' },
    { key: 'fields', kind: 'list', item: avroFieldItem },
  ],
  make: (doc) => ({
    id: freshName(
      objects(doc, ['topology', 'registry', 'schemas']).map((s) => str(s.id)),
      'schema',
    ),
    record: 'Record',
    fields: [{ name: 'id', type: 'string' }],
  }),
};

export const registryGroup: FieldDef = {
  key: 'registry',
  kind: 'group',
  optional: true,
  make: (doc) => ({ subjects: [subjectItem.make(doc, [])], schemas: [schemaItem.make(doc, [])] }),
  fields: [
    { key: 'subjects', kind: 'list', item: subjectItem },
    { key: 'schemas', kind: 'list', item: schemaItem },
  ],
};
