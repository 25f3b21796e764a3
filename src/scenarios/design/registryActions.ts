/**
 * Step actions of a schema registry (`format/registry.ts`): register a schema, set a subject's mode, write a record
 * with a schema, read with one.
 */
import { simple } from './actionPieces';
import { getIn } from './paths';
import { first } from './draftNames';
import { type FieldDef, type VariantDef } from './formTypes';

const names = (doc: unknown, list: 'subjects' | 'schemas', key: 'name' | 'id'): string[] => {
  const xs = getIn(doc, ['topology', 'registry', list]);
  return Array.isArray(xs) ? xs.flatMap((x) => (typeof x?.[key] === 'string' ? [x[key] as string] : [])) : [];
};
const subject: FieldDef = {
  key: 'subject',
  kind: 'select',
  options: ({ doc }) => names(doc, 'subjects', 'name'),
  free: true,
};
const schema: FieldDef = {
  key: 'schema',
  kind: 'select',
  options: ({ doc }) => names(doc, 'schemas', 'id'),
  free: true,
};
const MODES = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];
const both = (doc: unknown) => ({
  subject: first(names(doc, 'subjects', 'name'), 'subject'),
  schema: first(names(doc, 'schemas', 'id'), 'schema'),
});

export const registryActions: readonly VariantDef[] = [
  simple('register-schema', [subject, schema], both),
  simple('set-compatibility', [subject, { key: 'mode', kind: 'select', options: () => MODES }], (doc) => ({
    subject: first(names(doc, 'subjects', 'name'), 'subject'),
    mode: 'BACKWARD',
  })),
  simple(
    'produce-with-schema',
    [
      subject,
      schema,
      { key: 'data', kind: 'json' },
      { key: 'format', kind: 'select', options: () => ['avro', 'json'], optional: true },
    ],
    (doc) => ({ ...both(doc), data: {} }),
  ),
  simple('read-with-schema', [subject, { key: 'consumer', kind: 'text' }, schema], (doc) => ({
    ...both(doc),
    consumer: 'reader',
  })),
];
