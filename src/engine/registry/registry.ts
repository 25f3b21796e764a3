/**
 * A schema registry as Confluent's behaves, pure: subjects with their versions and compatibility mode,
 * schema ids global to the registry. Registering checks the subject's mode (`compatibility.ts`): accepted, a
 * schema gets the next version (and an id; the same schema again gets the id it already has); refused, nothing
 * changes and the effect says which rule broke. Sources: `schema.ts`.
 */
import { checkCompatibility, upgradeOrder } from './compatibility';
import { DEFAULT_MODE, type CompatibilityMode, type RecordSchema, type RegistryEffect } from './schema';

export interface SchemaVersion {
  readonly version: number;
  readonly id: number;
  readonly schema: RecordSchema;
}

export interface Subject {
  readonly mode: CompatibilityMode;
  readonly versions: readonly SchemaVersion[];
  /** The last refused registration and why (what the view shows). */
  readonly lastRefusal?: { readonly schema: RecordSchema; readonly reason: string };
}

export interface RegistryState {
  readonly subjects: Readonly<Record<string, Subject>>;
  /** Every distinct schema by id, from 1 (Schema Registry's ids are global, not per subject). */
  readonly schemas: readonly RecordSchema[];
}

export interface RegistryStep {
  readonly state: RegistryState;
  readonly effects: readonly RegistryEffect[];
}

export const createRegistry = (): RegistryState => ({ subjects: {}, schemas: [] });

/** Canonical text of a schema, to recognise the same schema registered again. */
export const canonical = (s: RecordSchema): string => JSON.stringify(s);

export function schemaById(state: RegistryState, id: number): RecordSchema | undefined {
  return state.schemas[id - 1];
}

/** Sets a subject's compatibility mode (it applies to later registrations only). */
export function setMode(state: RegistryState, subject: string, mode: CompatibilityMode): RegistryStep {
  const s = state.subjects[subject] ?? { mode: DEFAULT_MODE, versions: [] };
  return {
    state: { ...state, subjects: { ...state.subjects, [subject]: { ...s, mode } } },
    effects: [
      {
        kind: 'registry-changed',
        subject,
        op: 'mode-set',
        reason: `Subject ${subject} checks new schemas as ${mode}; deploy order: ${upgradeOrder(mode)}`,
      },
    ],
  };
}

export function register(state: RegistryState, subject: string, schema: RecordSchema): RegistryStep {
  const s: Subject = state.subjects[subject] ?? { mode: DEFAULT_MODE, versions: [] };
  const text = canonical(schema);
  const same = s.versions.find((v) => canonical(v.schema) === text);
  if (same)
    return {
      state,
      effects: [
        {
          kind: 'registry-changed',
          subject,
          op: 'already-registered',
          version: same.version,
          schemaId: same.id,
          reason: `This schema is already version ${same.version} of ${subject} (id ${same.id}): the registry returns it, nothing new is stored`,
        },
      ],
    };
  const bad = checkCompatibility(
    s.mode,
    s.versions.map((v) => v.schema),
    schema,
  );
  if (bad) {
    const reason = `Refused (409 incompatible): ${bad.reason}`;
    return {
      state: { ...state, subjects: { ...state.subjects, [subject]: { ...s, lastRefusal: { schema, reason } } } },
      effects: [{ kind: 'registry-changed', subject, op: 'refused', reason }],
    };
  }
  const known = state.schemas.findIndex((x) => canonical(x) === text);
  const id = known >= 0 ? known + 1 : state.schemas.length + 1;
  const version = (s.versions.at(-1)?.version ?? 0) + 1;
  const next: Subject = { ...s, versions: [...s.versions, { version, id, schema }] };
  return {
    state: {
      subjects: { ...state.subjects, [subject]: next },
      schemas: known >= 0 ? state.schemas : [...state.schemas, schema],
    },
    effects: [
      {
        kind: 'registry-changed',
        subject,
        op: 'registered',
        version,
        schemaId: id,
        reason:
          s.versions.length === 0
            ? `Registered as version 1 of ${subject} with id ${id}: the first schema of a subject has nothing to be compatible with`
            : `Registered as version ${version} of ${subject} with id ${id}: compatible under ${s.mode}`,
      },
    ],
  };
}
