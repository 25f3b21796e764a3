import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { parseScenario } from '../parse';
import { countReferences, renameReferences } from './rename';
import { getIn, setIn } from './paths';

describe('rename everywhere', () => {
  const ride = findBuiltin('ride-sharing')!;

  it('renaming an event type and all its references keeps the scenario valid and leaves narration alone', () => {
    const i = ride.topology.eventTypes!.findIndex((e) => e.name === 'RideAccepted');
    const refs = countReferences(ride, 'eventType', 'RideAccepted');
    expect(refs).toBeGreaterThan(3);
    let doc = setIn(ride, ['topology', 'eventTypes', i, 'name'], 'RideTaken');
    expect(parseScenario(doc).ok).toBe(false);
    doc = renameReferences(doc, 'eventType', 'RideAccepted', 'RideTaken');
    const r = parseScenario(doc);
    expect(r.ok ? 'ok' : r.issues).toBe('ok');
    expect(countReferences(doc, 'eventType', 'RideAccepted')).toBe(0);
    expect(JSON.stringify(doc)).toContain('RideAccepted'); // narration still tells the story with the old word
  });

  it('renames a topic in groups, routes, steps and expectations', () => {
    const i = ride.topology.topics.findIndex((t) => t.name === 'rides');
    let doc = setIn(ride, ['topology', 'topics', i, 'name'], 'ride-events');
    doc = renameReferences(doc, 'topic', 'rides', 'ride-events');
    const r = parseScenario(doc);
    expect(r.ok ? 'ok' : r.issues).toBe('ok');
  });

  it('renames a consumer group and a projection', () => {
    for (const [kind, path, from] of [
      ['group', ['topology', 'groups', 0, 'id'], ride.topology.groups[0]!.id],
      ['projection', ['topology', 'projections', 0, 'name'], ride.topology.projections![0]!.name],
    ] as const) {
      let doc = setIn(ride, path, 'renamed-thing');
      doc = renameReferences(doc, kind, from, 'renamed-thing');
      const r = parseScenario(doc);
      expect(r.ok ? 'ok' : r.issues, kind).toBe('ok');
    }
  });

  it('returns the same object when nothing refers to the name', () => {
    expect(renameReferences(ride, 'queue', 'nope', 'other')).toBe(ride);
  });

  it('renaming a projection renames the read models that questions’ targets name', () => {
    const cqrs = structuredClone(findBuiltin('cqrs-orders')!);
    const step = cqrs.steps.findIndex((x) => x.question?.choices);
    const name = cqrs.topology.projections![0]!.name;
    const choices = cqrs.steps[step]!.question!.choices!;
    choices[0] = { ...choices[0]!, target: { readModel: name, row: 'order-1' } };
    expect(countReferences(cqrs, 'projection', name)).toBeGreaterThan(0);
    let doc = setIn(cqrs, ['topology', 'projections', 0, 'name'], 'renamed');
    doc = renameReferences(doc, 'projection', name, 'renamed');
    expect(getIn(doc, ['steps', step, 'question', 'choices', 0, 'target', 'readModel'])).toBe('renamed');
    const r = parseScenario(doc);
    expect(r.ok ? 'ok' : r.issues).toBe('ok');
  });

  it('an event’s data field named like a part ("topic") is data, and is left alone', () => {
    const pub = structuredClone(findBuiltin('pubsub-basics')!);
    const i = pub.steps.findIndex((x) => x.action.kind === 'publish');
    const topic = pub.topology.topics[0]!.name;
    const doc = setIn(pub, ['steps', i, 'action', 'event', 'data', 'topic'], topic);
    const renamed = renameReferences(doc, 'topic', topic, 'elsewhere');
    expect(getIn(renamed, ['steps', i, 'action', 'event', 'data', 'topic'])).toBe(topic);
  });
});
