/**
 * Two regions' references: a step naming a region, a flow or a topic the topology does not have is refused by the
 * parser (the engine, which throws on an unknown flow, is never asked), with the JSON path of the mistake.
 */
import { describe, expect, it } from 'vitest';
import { findBuiltin } from './content';
import { parseScenario } from './parse';

const base = () =>
  structuredClone(findBuiltin('two-regions')!) as unknown as Record<string, unknown> & {
    steps: { action: Record<string, unknown> }[];
  };
const issues = (doc: unknown) => {
  const r = parseScenario(doc);
  return r.ok ? [] : r.issues.map((i) => `${i.path}: ${i.message}`);
};

describe('two regions: references', () => {
  it('the built-in has none', () => expect(issues(base())).toEqual([]));

  it('refuses an unknown region, a flow that does not exist and a topic the region lacks', () => {
    const doc = base();
    doc.steps[0]!.action = { ...doc.steps[0]!.action, region: 'ap' };
    doc.steps[1]!.action = { kind: 'mirror', source: 'eu', target: 'eu' };
    doc.steps[2]!.action = { kind: 'region-consume', region: 'eu', service: 'billing', topics: ['eu.rides'] };
    expect(issues(doc)).toEqual([
      'steps[0].action.region: there is no region "ap" in topology.mirror',
      'steps[1].action.source: there is no flow eu→eu',
      'steps[2].action.topics[0]: region eu has no topic "eu.rides"',
    ]);
  });

  it('accepts the remote topics the flows create (us.rides in eu, eu.rides in us)', () => {
    const doc = base();
    doc.steps[2]!.action = { kind: 'region-consume', region: 'us', service: 'billing', topics: ['eu.rides'] };
    expect(issues(doc)).toEqual([]);
  });
});
