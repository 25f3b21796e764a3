/**
 * A schema registry in a scenario (`topology.registry`): registrations and mode changes go through
 * `src/engine/registry` (nothing here decides a rule); produced records keep what a consumer needs to read them
 * (Avro: the schema id in front; JSON: the field names); a consumer resolves each record with its own schema.
 * The records live beside the broker, per subject (one topic's values, e.g. rides-value for rides).
 */
import * as registry from '../../engine/registry';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef } from '../schema';
import type { World } from '../world';

type RegistryWorld = registry.RegistryClients;
type SchemaReader = registry.SchemaReader;
type WireRecord = registry.WireRecord;

type RegistryAction = Extract<
  ActionDef,
  { kind: 'register-schema' | 'set-compatibility' | 'produce-with-schema' | 'read-with-schema' }
>;

export interface Applied {
  world: World;
  effects: Effect[];
}

/** The registry as the scenario declares it at step 0: its subjects with their modes, no versions yet. */
export function initialRegistry(rt: CompiledScenario): RegistryWorld | undefined {
  const def = rt.scenario.topology.registry;
  if (!def) return undefined;
  let state = registry.createRegistry();
  for (const s of def.subjects) if (s.mode) state = registry.setMode(state, s.name, s.mode).state;
  return { state, records: {}, readers: {} };
}

export function schemaOf(rt: CompiledScenario, id: string): registry.RecordSchema | undefined {
  const s = rt.scenario.topology.registry?.schemas.find((x) => x.id === id);
  return s && { name: s.record, fields: s.fields };
}

const rejected = (action: RegistryAction, target: string, reason: string): Effect => ({
  kind: 'request-rejected',
  request: action.kind,
  target,
  error: 'INVALID',
  reason,
});

export function registryStep(world: World, action: RegistryAction, rt: CompiledScenario): Applied {
  const r = world.registry ?? initialRegistry(rt) ?? { state: registry.createRegistry(), records: {}, readers: {} };
  const next = (w: RegistryWorld, effects: Effect[]): Applied => ({ world: { ...world, registry: w }, effects });
  if (action.kind === 'set-compatibility') {
    const s = registry.setMode(r.state, action.subject, action.mode);
    return next({ ...r, state: s.state }, [...s.effects]);
  }
  const schema = schemaOf(rt, action.schema);
  if (!schema)
    return {
      world,
      effects: [rejected(action, action.schema, `There is no schema "${action.schema}" in topology.registry`)],
    };
  switch (action.kind) {
    case 'register-schema': {
      const s = registry.register(r.state, action.subject, schema);
      return next({ ...r, state: s.state }, [...s.effects]);
    }
    case 'produce-with-schema':
      return produce(world, r, action, schema);
    case 'read-with-schema':
      return read(world, r, action, schema);
  }
}

function produce(
  world: World,
  r: RegistryWorld,
  a: Extract<RegistryAction, { kind: 'produce-with-schema' }>,
  schema: registry.RecordSchema,
): Applied {
  const data: Record<string, registry.FieldValue> = {};
  for (const [k, v] of Object.entries(a.data))
    if (typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string') data[k] = v;
  const list = r.records[a.subject] ?? [];
  const put = (rec: WireRecord, reason: string): Applied => ({
    world: { ...world, registry: { ...r, records: { ...r.records, [a.subject]: [...list, rec] } } },
    effects: [{ kind: 'registry-changed', subject: a.subject, op: 'serialized', schemaId: rec.schemaId, reason }],
  });
  if (a.format === 'json') {
    const bytes = registry.jsonSize(data);
    return put(
      { format: 'json', data, bytes },
      `Written as plain JSON (${bytes} bytes, every field name included): no registry is asked, nothing is checked`,
    );
  }
  const text = registry.canonical(schema);
  const v = r.state.subjects[a.subject]?.versions.find((x) => registry.canonical(x.schema) === text);
  if (!v)
    return {
      world,
      effects: [
        rejected(
          a,
          a.subject,
          `The serializer cannot find this schema in ${a.subject} (auto.register.schemas=false: it only looks schemas up), so nothing is sent`,
        ),
      ],
    };
  const body = registry.avroSize(schema, data);
  const bytes = registry.CONFLUENT_HEADER_BYTES + body;
  return put(
    { format: 'avro', schemaId: v.id, data, bytes },
    `Written in Avro with schema id ${v.id} (version ${v.version}): ${bytes} bytes = 5-byte header (magic byte, schema id) + ${body} bytes of values without field names; the same record in JSON would be ${registry.jsonSize(data)} bytes`,
  );
}

function read(
  world: World,
  r: RegistryWorld,
  a: Extract<RegistryAction, { kind: 'read-with-schema' }>,
  schema: registry.RecordSchema,
): Applied {
  const list = r.records[a.subject] ?? [];
  let reader: SchemaReader = { subject: a.subject, schema: a.schema, position: 0, ...r.readers[a.consumer] };
  reader = { ...reader, schema: a.schema, failed: undefined };
  const effects: Effect[] = [];
  while (reader.position < list.length) {
    const rec = list[reader.position]!;
    const writer = rec.schemaId !== undefined ? registry.schemaById(r.state, rec.schemaId) : undefined;
    const res =
      rec.format === 'json'
        ? registry.readJsonRecord(schema, rec.data)
        : writer
          ? registry.resolveRecord(schema, writer, rec.data)
          : { ok: false as const, reason: `no schema with id ${rec.schemaId}` };
    const at = `record ${reader.position + 1} of ${a.subject}`;
    if (!res.ok) {
      reader = { ...reader, failed: res.reason };
      effects.push({
        kind: 'registry-changed',
        subject: a.subject,
        op: 'deserialize-failed',
        schemaId: rec.schemaId,
        reason: `${a.consumer} cannot read ${at}: ${res.reason}. It stops there until its schema changes`,
      });
      break;
    }
    const extras = [
      res.filled.length ? `filled ${res.filled.join(', ')} from its default` : '',
      res.ignored.length ? `ignored ${res.ignored.join(', ')}` : '',
    ].filter(Boolean);
    effects.push({
      kind: 'registry-changed',
      subject: a.subject,
      op: 'deserialized',
      schemaId: rec.schemaId,
      reason: `${a.consumer} read ${at}${rec.schemaId !== undefined ? ` (written with schema id ${rec.schemaId})` : ' (JSON)'} with its own schema${extras.length ? `: ${extras.join('; ')}` : ''}`,
    });
    reader = { ...reader, position: reader.position + 1, last: res.value };
  }
  const { failed, ...rest } = reader;
  const kept: SchemaReader = failed ? { ...rest, failed } : rest;
  return { world: { ...world, registry: { ...r, readers: { ...r.readers, [a.consumer]: kept } } }, effects };
}
