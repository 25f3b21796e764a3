/**
 * Export as an AsyncAPI 3.0.0 document: channels from topics, messages from event types (payload
 * JSON Schemas from the declared fields, or inferred from the scenario's example data), send
 * operations from producers, the outbox relay and services, receive operations from consumer groups.
 */
import type { ScenarioDef } from '../schema';
import { indexScenario } from '../index/scenarioIndex';

type JsonSchema = Record<string, unknown>;
const key = (s: string) => s.replace(/[^A-Za-z0-9_.-]/g, '_');
const ref = (path: string) => ({ $ref: path });

function inferType(v: unknown): JsonSchema {
  if (typeof v === 'string') return { type: 'string' };
  if (typeof v === 'number') return { type: Number.isInteger(v) ? 'integer' : 'number' };
  if (typeof v === 'boolean') return { type: 'boolean' };
  if (Array.isArray(v)) return { type: 'array' };
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    // A value expression (ref, concat, arithmetic, append) computes the value at run time: its type is unknown.
    if ('ref' in o) return {};
    if ('concat' in o) return { type: 'string' };
    if ('add' in o || 'sub' in o || 'mul' in o) return { type: 'number' };
    if ('append' in o) return { type: 'array' };
    return { type: 'object' };
  }
  return {};
}

/** One event type's payload JSON Schema: its declared fields, or inferred from example data (the contract specs read it). */
export function payloadSchema(s: ScenarioDef, type: string): JsonSchema {
  const info = indexScenario(s).eventTypes.get(type);
  const declared = info?.declared;
  if (declared) {
    const properties: Record<string, JsonSchema> = {};
    for (const f of declared.fields)
      properties[f.name] = { type: f.type, ...(f.description ? { description: f.description } : {}) };
    const required = declared.fields.filter((f) => !f.optional).map((f) => f.name);
    return { type: 'object', properties, ...(required.length ? { required } : {}) };
  }
  // Example data: every place the scenario writes it (aggregate emits, service reactions, publish and enqueue steps).
  const samples = (info?.writes ?? []).map((w) => w.data);
  const properties: Record<string, JsonSchema> = {};
  for (const sample of samples)
    for (const [k, v] of Object.entries(sample))
      if (!properties[k] || !properties[k].type) properties[k] = inferType(v);
  const required = Object.keys(properties).filter((k) => samples.every((x) => Object.hasOwn(x, k)));
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

const headers: JsonSchema = {
  type: 'object',
  properties: {
    eventType: { type: 'string' },
    schemaVersion: { type: 'string' },
    correlationId: {
      type: 'string',
      description: 'Shared by every event of one business flow; kept by each reaction.',
    },
    causationId: { type: 'string', description: 'The id of the event that caused this one.' },
  },
};

export function toAsyncApi(s: ScenarioDef): Record<string, unknown> {
  const idx = indexScenario(s);
  const messages: Record<string, unknown> = {};
  for (const type of idx.eventTypeNames) {
    const declared = idx.eventTypes.get(type)?.declared;
    messages[key(type)] = {
      name: type,
      title: type,
      ...(declared?.description ? { summary: declared.description } : {}),
      contentType: 'application/json',
      headers,
      correlationId: { description: 'Follows a flow across services', location: '$message.header#/correlationId' },
      payload: payloadSchema(s, type),
      ...(declared ? { 'x-schema-version': declared.schemaVersion } : {}),
    };
  }
  const carried = idx.carried;
  const channels: Record<string, unknown> = {};
  for (const t of s.topology.topics) {
    const msgs: Record<string, unknown> = {};
    for (const e of carried.get(t.name) ?? []) msgs[key(e)] = ref(`#/components/messages/${key(e)}`);
    channels[key(t.name)] = {
      address: t.name,
      title: t.name,
      ...(t.description ? { description: t.description } : {}),
      messages: msgs,
      bindings: {
        kafka: {
          partitions: t.partitions,
          ...(t.cleanupPolicy ? { topicConfiguration: { 'cleanup.policy': [t.cleanupPolicy] } } : {}),
        },
      },
    };
  }
  const operations: Record<string, unknown> = {};
  const channelMessages = (topic: string, types: Iterable<string>) =>
    [...types].map((e) => ref(`#/channels/${key(topic)}/messages/${key(e)}`));
  const declaredTopics = new Set(s.topology.topics.map((t) => t.name));
  for (const sender of idx.senders.filter((x) => declaredTopics.has(x.topic))) {
    operations[key(`${sender.id}.send.${sender.topic}`)] = {
      action: 'send',
      channel: ref(`#/channels/${key(sender.topic)}`),
      summary: `${sender.kind === 'relay' ? 'The outbox relay' : sender.kind === 'service' ? `Service ${sender.id}` : `Producer ${sender.id}`} publishes to ${sender.topic}`,
      messages: channelMessages(sender.topic, sender.eventTypes),
    };
  }
  for (const g of s.topology.groups) {
    for (const topic of g.topics) {
      operations[key(`${g.id}.receive.${topic}`)] = {
        action: 'receive',
        channel: ref(`#/channels/${key(topic)}`),
        summary: `Consumer group ${g.label ?? g.id} reads ${topic}`,
        messages: channelMessages(topic, carried.get(topic) ?? []),
        bindings: { kafka: { groupId: { type: 'string', enum: [g.id] } } },
      };
    }
  }
  return {
    asyncapi: '3.0.0',
    info: { title: s.title, version: '1.0.0', description: s.summary },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: { messages },
  };
}
