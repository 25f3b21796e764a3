import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../content';
import { formatPath } from './jsonPath';
import { indexScenario, refsTo } from './scenarioIndex';

const paths = (refs: { path: readonly (string | number)[] }[]) => refs.map((r) => formatPath(r.path));

describe('the scenario index', () => {
  it('is built once per document object, and again for an edited copy', () => {
    const ride = findBuiltin('ride-sharing')!;
    expect(indexScenario(ride)).toBe(indexScenario(ride));
    const edited = { ...ride, topology: { ...ride.topology, topics: [] } };
    expect(indexScenario(edited)).not.toBe(indexScenario(ride));
    expect(indexScenario(edited).topics.size).toBe(0);
  });

  it('reads drafts of any shape without throwing', () => {
    for (const junk of [
      null,
      7,
      'text',
      [],
      {},
      { topology: 5, steps: 'x' },
      { topology: { aggregates: [null, { type: 'Ride', commands: 'x', evolve: [{ eventType: 3 }] }] } },
      { steps: [{ action: { kind: 'publish', event: 7 } }, { action: { kind: 'enqueue', event: { data: [] } } }] },
      { topology: { relay: { routes: [{ topic: '', eventTypes: 'all' }] }, services: [{ on: [{ do: [null] }] }] } },
    ])
      expect(() => indexScenario(junk)).not.toThrow();
    fc.assert(fc.property(fc.anything(), (v) => void indexScenario(v)));
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('topics', 'groups', 'aggregates', 'services', 'relay'), fc.anything()),
        (t) => void indexScenario({ topology: t, steps: [{ action: t }] }),
      ),
    );
  });

  it('lists event types declared first, then emitted, written by the script, published by services', () => {
    const idx = indexScenario({
      topology: {
        eventTypes: [{ name: 'Declared', schemaVersion: 2, fields: [{ name: 'id', type: 'string' }] }],
        aggregates: [{ type: 'Order', commands: [{ command: 'Place', emit: [{ eventType: 'Placed', data: {} }] }] }],
        projections: [{ name: 'p', on: [{ eventType: 'OnlyRead', ops: [] }] }],
        services: [{ id: 's', on: [{ eventType: 'Placed', do: [{ publish: { topic: 't', eventType: 'Told' } }] }] }],
      },
      steps: [
        { action: { kind: 'enqueue', queue: 'q', event: { eventType: 'Queued', data: { n: 1 } } } },
        { action: { kind: 'publish', producer: 'p', topic: 't', event: { eventType: 'Sent', data: {} } } },
      ],
    });
    expect([...idx.eventTypes.keys()]).toEqual(['Declared', 'Placed', 'Queued', 'Sent', 'Told', 'OnlyRead']);
    expect(idx.eventTypeNames).toEqual(['Declared', 'Placed', 'Queued', 'Sent', 'Told']);
    expect(idx.stored).toEqual(['Placed']);
    expect(idx.eventTypes.get('Declared')!.declared).toMatchObject({ schemaVersion: 2, fields: [{ name: 'id' }] });
    expect(idx.eventTypes.get('Placed')!.emittedBy).toEqual(['Order']);
    expect(idx.eventTypes.get('Queued')!.writes[0]).toMatchObject({ role: 'enqueue', by: 'q', data: { n: 1 } });
    expect(idx.catalog).toBe(true);
  });

  it('finds every reference by the format’s shape: a data field named "topic" is data, a target’s readModel is a projection', () => {
    const idx = indexScenario({
      topology: { topics: [{ name: 'orders', partitions: 1 }], projections: [{ name: 'totals' }] },
      steps: [
        {
          action: { kind: 'publish', topic: 'orders', event: { eventType: 'A', data: { topic: 'orders' } } },
          question: {
            choices: [{ target: { readModel: 'totals', row: 'x' } }, { target: { topic: 'orders', partition: 0 } }],
          },
          expect: [{ kind: 'read-model', projection: 'totals', key: 'x' }],
        },
      ],
    });
    expect(paths(refsTo(idx, 'topic', 'orders'))).toEqual([
      'steps[0].action.topic',
      'steps[0].question.choices[1].target.topic',
    ]);
    expect(paths(refsTo(idx, 'projection', 'totals'))).toEqual([
      'steps[0].question.choices[0].target.readModel',
      'steps[0].expect[0].projection',
    ]);
  });

  it('lists commands in document order: the first aggregate naming one decides it, with its fallbacks and what they emit', () => {
    const idx = indexScenario({
      topology: {
        aggregates: [
          {
            type: 'Ride',
            commands: [
              { command: 'Accept', emit: [{ eventType: 'Accepted' }] },
              { command: '', emit: [] },
              { command: 'Cancel', emit: [{ eventType: 'Cancelled' }] },
              { command: 'Accept', emit: [{ eventType: 'Rejected' }, { eventType: 'Accepted' }] },
            ],
          },
          { type: 'Driver', commands: [{ command: 'Accept', emit: [{ eventType: 'Elsewhere' }] }, 7] },
          { commands: [{ command: 'Rate', emit: 'x' }] },
        ],
      },
    });
    expect([...idx.commands.keys()]).toEqual(['Accept', 'Cancel', 'Rate']);
    expect(idx.commands.get('Accept')).toEqual({
      name: 'Accept',
      aggregate: 'Ride',
      aggregateIndex: 0,
      specs: [0, 3],
      emits: ['Accepted', 'Rejected'],
    });
    // a draft's aggregate without a type still holds its commands
    expect(idx.commands.get('Rate')).toMatchObject({ aggregate: null, aggregateIndex: 2, specs: [0], emits: [] });
    for (const s of allBuiltins())
      for (const c of indexScenario(s).commands.values()) {
        const a = s.topology.aggregates![c.aggregateIndex]!;
        expect(a.type, s.id).toBe(c.aggregate);
        const named = a.commands.flatMap((x, j) => (x.command === c.name ? [j] : []));
        expect(c.specs, s.id).toEqual(named);
      }
  });

  it('tells who sends what where, and which event types each topic carries', () => {
    const ride = indexScenario(findBuiltin('ride-sharing')!);
    const relay = ride.senders.filter((s) => s.kind === 'relay');
    expect(relay.length).toBeGreaterThan(0);
    for (const s of relay) for (const e of s.eventTypes) expect(ride.carried.get(s.topic)!.has(e)).toBe(true);
    expect([...ride.carried.get('rides')!]).toContain('RideRequested');
  });

  it('indexes every built-in: every event type written is known, every reference has a path', () => {
    for (const s of allBuiltins()) {
      const idx = indexScenario(s);
      for (const w of idx.writes) expect(idx.eventTypeNames, s.id).toContain(w.eventType);
      for (const r of idx.refs) expect(r.path.length, s.id).toBeGreaterThan(1);
      expect(idx.topics.size, s.id).toBe(s.topology.topics.length);
    }
  });
});
