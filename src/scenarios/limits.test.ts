import { describe, expect, it } from 'vitest';
import { charge, LIMITS, StepLimitError, withStepBudget } from './behaviour/budget';
import { evalValue } from './behaviour/expr';
import { findBuiltin } from './content';
import { concatScenario, publishScenario } from './heavy.fixtures';
import { parseScenario } from './parse';
import { compileScenario } from './compiledScenario';
import { aggregateState } from './steps/commands';
import type { ScenarioDef } from './schema';
import { Stepper, stoppedBy } from './stepper';

const roundTrip = (s: ScenarioDef) => parseScenario(JSON.parse(JSON.stringify(s)));

describe('limits of what a step may compute (issue 19, point 11)', () => {
  it('an aggregate whose state grows by concatenation is valid, and its heavy step stops with a message naming the step and the limit', () => {
    const scenario = concatScenario(6);
    expect(roundTrip(scenario).ok).toBe(true);
    const stepper = new Stepper(scenario, []);
    // Before the limits, step 5 built a 160-million-character string and step 6 threw
    // "RangeError: Invalid string length", which blanked the player.
    for (let k = 1; k <= 6; k++) {
      const r = stepper.at(k);
      expect(r.narration.title).toBe(`Step ${k} stopped`);
      expect(r.narration.text).toMatch(
        new RegExp(
          `^Step ${k} stopped: the Cart aggregate's evolve rule for ItemAdded \\(field "log"\\) would compute a text of 11,000 characters \\(the limit for one value is 10,000\\)`,
        ),
      );
      expect(stoppedBy(r.effects)).toBe(r.narration.text);
      expect(r.world.log.events).toHaveLength(0);
      expect(r.world.step).toBe(k);
    }
  });

  it('a slower growth runs until the step that goes over, and only that step is refused', () => {
    const stepper = new Stepper(concatScenario(6, 2), []);
    expect(stepper.at(3).world.log.events).toHaveLength(3);
    expect(stoppedBy(stepper.at(3).effects)).toBeNull();
    const four = stepper.at(4);
    expect(four.narration.text).toMatch(/^Step 4 stopped: .*16,000 characters .*limit for one value is 10,000/);
    expect(four.world.log.events.map((e) => e.eventId)).toEqual(stepper.at(3).world.log.events.map((e) => e.eventId));
  });

  it('a publish never writes into an aggregate stream (a direct producer writes to the broker only), so it cannot grow an aggregate past the limits', () => {
    const base = concatScenario(6, 2);
    const scenario: ScenarioDef = {
      ...base,
      steps: base.steps.map((s, i) => ({
        ...s,
        action: {
          kind: 'publish',
          producer: 'checkout',
          topic: 'orders',
          event: { eventType: 'ItemAdded', streamId: 'cart-c1', key: 'c1', data: { sku: `sku-${i}` } },
        },
      })),
    };
    expect(roundTrip(scenario).ok).toBe(true);
    const stepper = new Stepper(scenario, []);
    for (const k of [3, 4, 5, 6]) {
      const r = stepper.at(k);
      expect(stoppedBy(r.effects)).toBeNull();
      expect(r.world.log.events).toHaveLength(0);
      expect(aggregateState(r.world, compileScenario(scenario), 'Cart', 'c1')!.revision).toBe(-1);
    }
  });

  it('an aggregate state over the size limit stops the step (state built from event data by reference)', () => {
    const base = concatScenario(3);
    const big = 'y'.repeat(3000);
    const scenario: ScenarioDef = {
      ...base,
      topology: {
        ...base.topology,
        aggregates: [
          {
            ...base.topology.aggregates![0]!,
            fields: {},
            commands: [
              {
                command: 'AddItem',
                when: ['open'],
                emit: [{ eventType: 'ItemAdded', data: { sku: { ref: 'command.sku' } } }],
              },
            ],
            evolve: [
              {
                eventType: 'ItemAdded',
                set: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`f${i}`, { ref: 'event.data.sku' }])),
              },
            ],
          },
        ],
      },
      steps: base.steps.map((s) => ({
        ...s,
        action: { kind: 'command', aggregate: 'Cart', id: 'c1', command: 'AddItem', data: { sku: big } },
      })),
    };
    expect(roundTrip(scenario).ok).toBe(true);
    const r = new Stepper(scenario, []).at(1);
    expect(r.narration.text).toMatch(
      /^Step 1 stopped: the Cart aggregate's state \(Cart c1\) would exceed 100,000 characters/,
    );
  });

  it('a read-model list stops growing at its limit', () => {
    // Projections read the event store, which only aggregates append to (a publish is broker-only).
    const base = concatScenario(1);
    const scenario: ScenarioDef = {
      ...base,
      topology: {
        ...base.topology,
        aggregates: [
          {
            ...base.topology.aggregates![0]!,
            fields: {},
            snapshotEvery: 50,
            commands: [
              {
                command: 'Place',
                when: ['open'],
                emit: [{ eventType: 'OrderPlaced', data: { n: { ref: 'command.n' } } }],
              },
            ],
            evolve: [{ eventType: 'OrderPlaced' }],
          },
        ],
        projections: [
          {
            name: 'orders',
            title: 'Orders',
            columns: ['ns'],
            on: [
              { eventType: 'OrderPlaced', ops: [{ op: 'append', key: 'all', field: 'ns', value: { ref: 'data.n' } }] },
            ],
          },
        ],
      },
      steps: Array.from({ length: LIMITS.maxListItems + 1 }, (_, i) => ({
        title: `Place ${i + 1}`,
        narration: 'An order is placed.',
        action: { kind: 'command' as const, aggregate: 'Cart', id: 'c1', command: 'Place', data: { n: i } },
      })),
    };
    const stepper = new Stepper(scenario, []);
    expect(stoppedBy(stepper.at(LIMITS.maxListItems).effects)).toBeNull();
    expect(stepper.at(LIMITS.maxListItems + 1).narration.text).toMatch(
      /^Step 1001 stopped: the list "ns" in row "all" of the read model orders would hold 1,001 items/,
    );
  });

  it('counts the work of a step and stops it over the budget', () => {
    expect(() =>
      withStepBudget(() => {
        for (let i = 0; i < 11; i++) evalValue({ add: [1, 2] }, {});
      }, 30),
    ).toThrow(StepLimitError);
    expect(withStepBudget(() => evalValue({ add: [1, 2] }, {}), 3)).toBe(3);
    // Outside a step nothing is metered.
    expect(() => {
      for (let i = 0; i < 10; i++) charge(LIMITS.maxStepOps);
    }).not.toThrow();
  });

  it('the built-ins stay within every limit', async () => {
    const { allBuiltins } = await import('./content');
    for (const s of allBuiltins()) {
      expect(roundTrip(s).ok).toBe(true);
      const stepper = new Stepper(s, []);
      for (let k = 1; k <= stepper.lastStep; k++)
        expect(stoppedBy(stepper.at(k).effects), `${s.id} step ${k}`).toBeNull();
    }
  });
});

describe('limits decided in the schema (imports and share links are refused up front)', () => {
  const issuesOf = (s: unknown) => {
    const r = parseScenario(JSON.parse(JSON.stringify(s)));
    return r.ok ? [] : r.issues;
  };

  it(`refuses more than ${LIMITS.maxSteps.toLocaleString('en-US')} steps`, () => {
    expect(issuesOf(publishScenario(LIMITS.maxSteps))).toEqual([]);
    expect(issuesOf(publishScenario(LIMITS.maxSteps + 1))).toEqual([expect.objectContaining({ path: 'steps' })]);
  });

  it('refuses data that is too big or too deep', () => {
    const base = findBuiltin('pubsub-basics')!;
    const withData = (data: Record<string, unknown>): ScenarioDef => ({
      ...base,
      steps: [
        {
          title: 't',
          narration: 'n',
          action: {
            kind: 'publish',
            producer: 'checkout',
            topic: 'orders',
            event: { eventType: 'OrderPlaced', streamId: 'o', key: 'o', data },
          },
        },
      ],
    });
    expect(issuesOf(withData({ a: 'x'.repeat(4000) }))).toEqual([]);
    const big = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}`, 'x'.repeat(4000)]));
    expect(issuesOf(withData(big))).toEqual([
      expect.objectContaining({ path: 'steps[0].action.event.data', message: expect.stringMatching(/too big/) }),
    ]);
    let deep: unknown = 1;
    for (let i = 0; i < LIMITS.maxDataDepth + 1; i++) deep = { d: deep };
    expect(issuesOf(withData(deep as Record<string, unknown>))).toEqual([
      expect.objectContaining({ path: 'steps[0].action.event.data' }),
    ]);
  });

  it('refuses expressions that are too big or too deep', () => {
    const base = concatScenario(1);
    const agg = base.topology.aggregates![0]!;
    const withSet = (value: unknown): ScenarioDef => ({
      ...base,
      topology: {
        ...base.topology,
        aggregates: [{ ...agg, evolve: [{ eventType: 'ItemAdded', set: { log: value as never } }] }],
      },
    });
    let deep: unknown = 'x';
    for (let i = 0; i < LIMITS.maxExprDepth; i++) deep = { concat: [deep] };
    expect(issuesOf(withSet(deep)).map((i) => i.message)).toEqual([
      expect.stringMatching(/too big: at most 200 parts, nested at most 12 deep/),
    ]);
    const wide = { concat: Array.from({ length: 20 }, () => ({ concat: Array.from({ length: 20 }, () => 'x') })) };
    expect(issuesOf(withSet(wide))).toHaveLength(1);
    expect(issuesOf(withSet({ concat: [{ ref: 'state.log' }, '!'] }))).toEqual([]);
  });
});
