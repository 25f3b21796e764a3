/** Export → import and share → decode of every built-in; generated mutations of valid files. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../content';
import { exportScenarioText, importScenarioText } from './importScenario';
import { decodeShare, encodeShare, MAX_SHARE_URL_CHARS, shareUrl } from './shareLink';

describe('round trips of every built-in scenario', () => {
  it.each(allBuiltins().map((s) => [s.id, s] as const))('%s: export → import, encode → decode', async (_id, s) => {
    const text = exportScenarioText(s);
    expect(text.startsWith('{\n  "$schema": "./scenario.schema.json",\n  "schemaVersion": 1,')).toBe(true);
    const r = importScenarioText(text);
    expect(r.ok && r.scenario).toEqual(s);
    expect(r.ok && exportScenarioText(r.scenario)).toBe(text);
    const data = await encodeShare(s);
    expect(data).toMatch(/^[A-Za-z0-9_-]+$/);
    const d = await decodeShare(`#/share/${data}`);
    expect(d.ok && d.scenario).toEqual(s);
  });

  it('says when a link is too long and offers the file', async () => {
    const big = allBuiltins().find((s) => s.id === 'ride-sharing')!;
    const r = shareUrl('https://example.test/event-lab/#/s/x/3', await encodeShare(big));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/too large for a link .* Export it as a file/);
    const small = shareUrl('https://example.test/#/', 'abc');
    expect(small).toEqual({ ok: true, url: 'https://example.test/#/share/abc', length: 32 });
    expect(MAX_SHARE_URL_CHARS).toBe(8000);
  });

  it('rejects damaged links with a message', async () => {
    const data = await encodeShare(allBuiltins()[0]!);
    for (const bad of ['', '!!!', data.slice(0, data.length / 2), `${data.slice(0, 10)}A${data.slice(11)}`, 'AAAA']) {
      const r = await decodeShare(bad);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.issues[0]!.message).not.toBe('');
    }
  });
});

// ---- mutations ---------------------------------------------------------------------------------

type Json = unknown;
/** Every path (list of keys/indices) of a JSON value, the root excluded. */
function paths(v: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  const entries: [string | number, Json][] = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : v && typeof v === 'object'
      ? Object.entries(v)
      : [];
  for (const [k, x] of entries) {
    out.push([...prefix, k]);
    paths(x, [...prefix, k], out);
  }
  return out;
}
const parentOf = (root: Json, path: (string | number)[]) =>
  path.slice(0, -1).reduce<Json>((o, k) => (o as Record<string | number, Json>)[k], root) as Record<
    string | number,
    Json
  >;

const replacement = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1,
    2.5,
    1e12,
    '',
    'x',
    'orders',
    'OrderPlaced',
    'c1',
    '<script>alert(1)</script>',
    [],
    {},
    { ref: 'data.orderId' },
    { kind: 'note' },
  ),
  fc.string({ maxLength: 12 }),
  fc.integer(),
);
const mutation = fc.record({
  scenario: fc.nat(),
  path: fc.nat(),
  op: fc.constantFrom('delete', 'replace', 'insert'),
  value: replacement,
  key: fc.constantFrom('extra', 'name', 'description', 'x', '__proto__', 'optional'),
});

describe('generated mutations of valid files', () => {
  // Each built-in cut to its first 3 steps (still valid), so 1,000 validations stay fast.
  const sources = allBuiltins()
    .map((b) => ({ ...b, steps: b.steps.slice(0, 3) }))
    .map((s) => ({ s, all: paths(s) }));
  it('start from valid files', () =>
    sources.forEach(({ s }) => expect(importScenarioText(JSON.stringify(s)).ok).toBe(true)));
  it('are rejected with a path, or accepted and round-trip exactly (1,000 runs)', () => {
    fc.assert(
      fc.property(mutation, (m) => {
        const { s, all } = sources[m.scenario % sources.length]!;
        const doc = structuredClone(s) as Record<string, Json>;
        const path = all[m.path % all.length]!;
        const parent = parentOf(doc, path);
        const last = path.at(-1)!;
        if (m.op === 'delete' && Array.isArray(parent)) parent.splice(last as number, 1);
        else if (m.op === 'delete') delete parent[last];
        else if (m.op === 'replace') parent[last] = m.value;
        else if (Array.isArray(parent)) parent.splice(last as number, 0, m.value);
        else
          Object.defineProperty(parent, m.key, {
            value: m.value,
            enumerable: true,
            configurable: true,
            writable: true,
          });
        const r = importScenarioText(JSON.stringify(doc));
        if (!r.ok) {
          expect(r.issues.length).toBeGreaterThan(0);
          for (const issue of r.issues) expect(issue.path).toMatch(/^(\(root\)|[A-Za-z_$][\w$]*)/);
          return;
        }
        expect(r.scenario).toEqual(doc);
        const again = importScenarioText(exportScenarioText(r.scenario));
        expect(again.ok && again.scenario).toEqual(r.scenario);
      }),
      { numRuns: 1000, seed: 7 },
    );
  }, 60_000);
});
