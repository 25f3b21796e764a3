import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import type { ScenarioDef } from '../schema';
import { readDesign } from './facts';

describe('what a design says (read through the scenario index)', () => {
  it('its event types are the declared or written ones: an enqueued message counts, a name only a relay route lists does not', () => {
    const queue = findBuiltin('log-vs-queue')!;
    const events = readDesign(queue).events;
    expect(events.has('OrderCancelled')).toBe(true); // only ever enqueued
    expect(events.get('OrderCancelled')!.fields.map((f) => f.name)).toEqual(['orderId', 'reason']);

    const es = findBuiltin('event-sourcing')!;
    const routed = {
      ...es,
      topology: {
        ...es.topology,
        relay: { auto: true, routes: [{ eventTypes: ['NeverStored'], topic: 'x', key: null }] },
      },
    } as unknown as ScenarioDef;
    expect(readDesign(routed).events.has('NeverStored')).toBe(false);
  });

  it('an event type is on every topic that carries it, its dead-letter topic included', () => {
    const s = {
      ...findBuiltin('pubsub-basics')!,
    } as ScenarioDef;
    const topics = s.topology.topics.map((t) => t.name);
    const withDlt = {
      ...s,
      topology: {
        ...s.topology,
        topics: [...s.topology.topics, { name: 'dead', partitions: 1 }],
        groups: s.topology.groups,
        services: [
          {
            id: 'svc',
            label: 'Svc',
            group: s.topology.groups[0]!.id,
            on: [{ eventType: 'Audited', do: [] }],
            deadLetterTopic: 'dead',
          },
        ],
      },
    } as ScenarioDef;
    expect(topics).not.toContain('dead');
    expect(readDesign(withDlt).events.get('Audited')?.topics ?? []).toEqual([]); // only read, never written: not an event of the design
    const written = {
      ...withDlt,
      steps: [
        ...withDlt.steps,
        {
          title: 't',
          narration: 'n',
          action: {
            kind: 'publish',
            producer: s.topology.producers[0]!.id,
            topic: topics[0]!,
            event: { eventType: 'Audited', streamId: 'a', key: null, data: {} },
          },
        },
      ],
    } as ScenarioDef;
    expect(readDesign(written).events.get('Audited')!.topics).toEqual([topics[0], 'dead']);
  });
});
