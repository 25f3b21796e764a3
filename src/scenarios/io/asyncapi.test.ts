import { Parser } from '@asyncapi/parser';
import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../content';
import { toAsyncApi } from './asyncapi';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** The structure the AsyncAPI 3.0.0 schema requires, and every $ref resolving inside the document. */
function structuralIssues(doc: Doc): string[] {
  const issues: string[] = [];
  if (doc.asyncapi !== '3.0.0') issues.push('asyncapi');
  if (typeof doc.info?.title !== 'string' || typeof doc.info?.version !== 'string') issues.push('info');
  const resolve = (r: string) =>
    r
      .slice(2)
      .split('/')
      .reduce<Doc | undefined>((o, k) => o?.[k], doc);
  const walk = (v: unknown, path: string) => {
    if (!v || typeof v !== 'object') return;
    for (const [k, x] of Object.entries(v)) {
      if (k === '$ref' && (typeof x !== 'string' || !x.startsWith('#/') || resolve(x) === undefined))
        issues.push(`${path}: dangling ${String(x)}`);
      walk(x, `${path}/${k}`);
    }
  };
  walk(doc, '#');
  for (const [id, ch] of Object.entries<Doc>(doc.channels ?? {})) {
    if (!/^[\w.-]+$/.test(id) || typeof ch.address !== 'string') issues.push(`channel ${id}`);
  }
  for (const [id, op] of Object.entries<Doc>(doc.operations ?? {})) {
    if (!['send', 'receive'].includes(op.action) || !op.channel?.$ref) issues.push(`operation ${id}`);
    // Operation messages must be messages of the operation's channel.
    for (const m of op.messages ?? [])
      if (!String(m.$ref).startsWith(`${op.channel.$ref}/messages/`)) issues.push(`operation ${id} message ${m.$ref}`);
  }
  for (const [id, m] of Object.entries<Doc>(doc.components?.messages ?? {}))
    if (m.payload?.type !== 'object') issues.push(`message ${id}`);
  return issues;
}

describe('toAsyncApi', () => {
  it.each(allBuiltins().map((s) => [s.id, s] as const))(
    '%s: a structurally valid AsyncAPI 3.0.0 document',
    (_id, s) => {
      const doc = toAsyncApi(s) as Doc;
      expect(structuralIssues(doc)).toEqual([]);
      expect(Object.keys(doc.channels)).toEqual(s.topology.topics.map((t) => t.name));
      expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
    },
  );

  it('takes payload schemas from the declared event types', () => {
    const doc = toAsyncApi(findBuiltin('ride-sharing')!) as Doc;
    const m = doc.components.messages.RiderNotified;
    expect(m.payload.properties.driverId).toEqual({ type: 'string' });
    expect(m.payload.required).toEqual(['rideId', 'riderId', 'template']);
    expect(Object.keys(doc.channels['rider-notifications'].messages).sort()).toEqual(['ReceiptSent', 'RiderNotified']);
    expect(doc.operations['notifications.send.rider-notifications'].action).toBe('send');
    expect(doc.operations['matching.receive.driver-locations'].action).toBe('receive');
    expect(doc.operations['outbox-relay.send.rides'].messages.length).toBeGreaterThan(5);
  });

  it('infers payload types from example data when event types are not declared', () => {
    const doc = toAsyncApi(findBuiltin('pubsub-basics')!) as Doc;
    const payload = doc.components.messages.OrderPlaced.payload;
    expect(payload.type).toBe('object');
    expect(Object.values<Doc>(payload.properties).some((p) => p.type === 'string')).toBe(true);
  });

  // The official parser takes ~1.5 s of CPU per document (it recompiles its JSON schemas on every parse), so
  // the default run parses one document holding every built-in's channels, operations and messages (keys
  // prefixed by scenario id); ASYNCAPI_ALL=1 parses each built-in's own document as well.
  it('is valid for the official AsyncAPI parser (no error diagnostics)', async () => {
    const prefix = (id: string, o: Doc) => Object.fromEntries(Object.entries(o).map(([k, v]) => [`${id}.${k}`, v]));
    const merged = {
      ...(toAsyncApi(allBuiltins()[0]!) as Doc),
      channels: {},
      operations: {},
      components: { messages: {} },
    } as Doc;
    for (const s of allBuiltins()) {
      const doc = toAsyncApi(s) as Doc;
      const text = JSON.stringify(doc)
        .replaceAll('"#/channels/', `"#/channels/${s.id}.`)
        .replaceAll('"#/components/messages/', `"#/components/messages/${s.id}.`);
      const renamed = JSON.parse(text) as Doc;
      Object.assign(merged.channels, prefix(s.id, renamed.channels));
      Object.assign(merged.operations, prefix(s.id, renamed.operations));
      Object.assign(merged.components.messages, prefix(s.id, renamed.components.messages));
    }
    const docs = [merged, ...(process.env.ASYNCAPI_ALL ? allBuiltins().map((s) => toAsyncApi(s)) : [])];
    const parser = new Parser();
    for (const doc of docs) {
      const { document, diagnostics } = await parser.parse(JSON.stringify(doc));
      expect(diagnostics.filter((d) => d.severity === 0).map((d) => `${d.path.join('.')}: ${d.message}`)).toEqual([]);
      expect(document?.channels().length).toBe(Object.keys(doc.channels as Doc).length);
    }
    expect(structuralIssues(merged)).toEqual([]);
  }, 120_000);
});
