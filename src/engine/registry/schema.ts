/**
 * A small record-schema language with Avro's meaning (one record of primitive fields), what a schema
 * registry holds, and the registry's effects. Sources:
 * - Avro 1.11 specification, "Schema Resolution": https://avro.apache.org/docs/1.11.1/specification/#schema-resolution
 * - Confluent, "Schema Evolution and Compatibility for Schema Registry":
 *   https://docs.confluent.io/platform/current/schema-registry/fundamentals/schema-evolution.html
 * `RegistryEffect` joins `types.ts`'s `Effect` union, so this file imports only `effectBase.ts`.
 */
import type { EffectBase } from '../effectBase';

/** Avro's primitive types that a record field may have here (no unions, arrays or nested records). */
export type FieldType = 'boolean' | 'int' | 'long' | 'float' | 'double' | 'string' | 'bytes';
export const FIELD_TYPES: readonly FieldType[] = ['boolean', 'int', 'long', 'float', 'double', 'string', 'bytes'];

/** A field value as data: bytes are held as a string (their UTF-8), numbers as JS numbers. */
export type FieldValue = boolean | number | string;

export interface FieldSpec {
  readonly name: string;
  readonly type: FieldType;
  /** Avro: used by a reader when the writer's schema has no such field. Absent: no default. */
  readonly default?: FieldValue;
  /** Avro: other names the reader accepts for this field in a writer's schema (how a rename stays readable). */
  readonly aliases?: readonly string[];
}

export interface RecordSchema {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
}

/** Confluent Schema Registry's compatibility types; the registry's default is BACKWARD (the page above). */
export type CompatibilityMode =
  'BACKWARD' | 'BACKWARD_TRANSITIVE' | 'FORWARD' | 'FORWARD_TRANSITIVE' | 'FULL' | 'FULL_TRANSITIVE' | 'NONE';
export const DEFAULT_MODE: CompatibilityMode = 'BACKWARD';

export type RegistryOp =
  /** A new version of the subject: a schema id (global) and the next version number. */
  | 'registered'
  /** The same schema again: Schema Registry returns the existing id and version, nothing new is stored. */
  | 'already-registered'
  /** Incompatible under the subject's mode (HTTP 409 in Schema Registry): no version is added. */
  | 'refused'
  | 'mode-set'
  /** A producer serialised a record with a schema id in front (Confluent's wire format). */
  | 'serialized'
  /** A consumer resolved a record with its reader schema: defaults filled, unknown fields ignored. */
  | 'deserialized'
  /** The reader schema cannot read the writer's: the consumer fails on this record. */
  | 'deserialize-failed';

export type RegistryEffect = EffectBase & {
  kind: 'registry-changed';
  subject: string;
  op: RegistryOp;
  version?: number;
  schemaId?: number;
};
