/**
 * The scenario format's schema registry (issue 18): subjects with their compatibility mode and record schemas
 * (`topology.registry`), the step actions that go through `src/engine/registry` (register a schema, set a
 * subject's mode, produce a record with a schema, read records with a reader schema) and the expectations that
 * check a registration and a reader. Part of `scenarios/schema.ts`; `actions.ts`, `expectations.ts` and
 * `scenario.ts` add these to their unions and the topology.
 */
import { z } from '../zod';
import { DataObject, FieldName, Id, Json, NonNegInt } from './basics';

/** The Avro primitive types a field may have (also the design form's choices). */
export const AVRO_TYPES = ['boolean', 'int', 'long', 'float', 'double', 'string', 'bytes'] as const;
/** The registry's compatibility modes (also the design form's choices). */
export const COMPATIBILITY_MODES = [
  'BACKWARD',
  'BACKWARD_TRANSITIVE',
  'FORWARD',
  'FORWARD_TRANSITIVE',
  'FULL',
  'FULL_TRANSITIVE',
  'NONE',
] as const;
const mode = z.enum(COMPATIBILITY_MODES).meta({
  title: 'Compatibility',
  description:
    'How a new schema is checked: BACKWARD (the new one reads the last one’s data; the registry’s default), FORWARD (the last one reads the new one’s), FULL (both); _TRANSITIVE against every earlier version; NONE checks nothing.',
});
const subject = Id.meta({
  title: 'Subject',
  description: 'A subject of the registry (topology.registry.subjects), e.g. rides-value: the value schemas of rides.',
});
const schemaRef = Id.meta({ title: 'Schema', description: 'One of topology.registry.schemas (its id).' });
const consumer = Id.meta({ title: 'Consumer', description: 'Who reads: each consumer keeps its own position.' });

export const RegistryFieldSpec = z.strictObject({
  name: FieldName.meta({ title: 'Name' }),
  type: z.enum(AVRO_TYPES).meta({ title: 'Type' }),
  default: z
    .union([z.boolean(), z.number(), z.string().max(200)])
    .optional()
    .meta({
      title: 'Default',
      description: 'What a reader fills in when the writer’s schema has no such field. Absent: no default.',
    }),
  aliases: z.array(FieldName).max(4).optional().meta({
    title: 'Aliases',
    description: 'Other names this field had: a reader matches a writer’s field by its name or an alias.',
  }),
});

export const RegistrySchemaSpec = z.strictObject({
  id: Id.meta({ title: 'Id', description: 'How steps name this schema, e.g. ride-v2.' }),
  record: z
    .string()
    .regex(/^[A-Z][A-Za-z0-9]*$/)
    .max(80)
    .meta({ title: 'Record name', description: 'The Avro record’s name.' }),
  fields: z.array(RegistryFieldSpec).max(12).meta({ title: 'Fields' }),
});

export const RegistrySpec = z.strictObject({
  subjects: z
    .array(z.strictObject({ name: subject, mode: mode.optional() }))
    .min(1)
    .max(4)
    .meta({ title: 'Subjects', description: 'Each with its compatibility mode (absent: BACKWARD, the default).' }),
  schemas: z.array(RegistrySchemaSpec).min(1).max(12).meta({ title: 'Schemas' }),
});

export const REGISTRY_ACTIONS = [
  z.strictObject({ kind: z.literal('register-schema'), subject, schema: schemaRef }).meta({
    title: 'a schema is registered',
    description:
      'The registry checks it against the subject’s versions under its mode: compatible, it becomes the next version (the same schema again returns its version); incompatible, it is refused with the rule it breaks.',
  }),
  z.strictObject({ kind: z.literal('set-compatibility'), subject, mode }).meta({
    title: 'a subject’s compatibility mode is set',
    description: 'Later registrations are checked under it; the versions already there stay.',
  }),
  z
    .strictObject({
      kind: z.literal('produce-with-schema'),
      subject,
      schema: schemaRef,
      data: DataObject.meta({ title: 'Record', description: 'The record’s fields.' }),
      format: z.enum(['avro', 'json']).optional().meta({
        title: 'Format',
        description:
          'avro (default): Avro binary behind a 5-byte header (magic byte, schema id), the schema must be registered; json: plain JSON with the field names, no registry involved.',
      }),
    })
    .meta({
      title: 'a producer writes a record',
      description: 'Serialised with its schema: in Avro the registry’s id goes in front; in JSON nothing is checked.',
    }),
  z.strictObject({ kind: z.literal('read-with-schema'), subject, consumer, schema: schemaRef }).meta({
    title: 'a consumer reads with its schema',
    description:
      'Every record it has not read yet, resolved with its own (reader) schema: defaults filled, unknown fields ignored; a record it cannot resolve stops it there.',
  }),
] as const;

export const REGISTRY_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('schema-registration'),
      subject,
      outcome: z.enum(['registered', 'already-registered', 'refused']).meta({ title: 'Outcome' }),
      version: NonNegInt.optional().meta({ title: 'Version', description: 'The version it was registered as.' }),
    })
    .meta({
      title: 'a registration at this step',
      description: 'What the registry answered at this step: registered as version N, already registered, refused.',
    }),
  z
    .strictObject({
      kind: z.literal('schema-reader'),
      consumer,
      read: NonNegInt.optional().meta({ title: 'Read', description: 'How many records it has read.' }),
      failed: z.boolean().optional().meta({ title: 'Stopped', description: 'true: it is stuck on a record.' }),
      field: FieldName.optional().meta({ title: 'Field', description: 'Of the last record it read.' }),
      equals: Json.optional().meta({ title: 'Equals', description: 'The value `field` must hold (null: absent).' }),
    })
    .meta({
      title: 'a schema reader',
      description: 'How far a consumer has read, whether it is stuck, a field it read.',
    }),
] as const;

export type RegistryDef = z.infer<typeof RegistrySpec>;
