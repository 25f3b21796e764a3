/**
 * What the registry's clients hold in a run: the records producers wrote to a subject's topic (Avro with the
 * schema id in front, or plain JSON) and each consumer's reader (its schema, its position, where it is stuck).
 */
import type { RegistryState } from './registry';
import type { FieldValue } from './schema';

export interface WireRecord {
  readonly format: 'avro' | 'json';
  /** Avro: the registry's id of the writer's schema (bytes 1–4 of the value). */
  readonly schemaId?: number;
  readonly data: Readonly<Record<string, FieldValue>>;
  readonly bytes: number;
}

export interface SchemaReader {
  readonly subject: string;
  readonly schema: string;
  /** The next record it reads (it stays on a record it cannot resolve). */
  readonly position: number;
  readonly last?: Readonly<Record<string, FieldValue>>;
  readonly failed?: string;
}

export interface RegistryClients {
  readonly state: RegistryState;
  readonly records: Readonly<Record<string, readonly WireRecord[]>>;
  readonly readers: Readonly<Record<string, SchemaReader>>;
}
