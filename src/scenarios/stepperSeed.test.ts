/**
 * Seeding a stepper with a step's result computed earlier (a stored checkpoint): IndexedDB keeps a
 * world as a structured clone, so a world that went through `structuredClone` — its persistent
 * vectors and maps (`engine/sim/persistent.ts`), its event log and partition logs (whose flat views
 * are getters over persistent parts) — must carry on exactly as the replayed one does.
 */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import type { LearnerInput } from '../engine/types';
import { allBuiltins, findBuiltin } from './content';
import { publishScenario } from './heavy.fixtures';
import type { ScenarioDef } from './schema';
import { Stepper } from './stepper';

/** A fresh stepper seeded with a structured clone of step k's result, as a page opened from a checkpoint has. */
function revivedAt(scenario: ScenarioDef, inputs: readonly LearnerInput[], k: number): Stepper {
  const stored = structuredClone(new Stepper(scenario, inputs).at(k));
  const fresh = new Stepper(scenario, inputs);
  expect(fresh.seed(k, stored.world, stored.effects)).toBe(true);
  return fresh;
}

describe('a stepper seeded from a structured clone of an earlier step (issue 14, performance)', () => {
  it('gives the same world, effects and narration as replaying from step 0, at the seeded step and every later one', () => {
    const scenarios = allBuiltins().filter((s) => s.steps.length > 1);
    fc.assert(
      fc.property(
        fc.constantFrom(...scenarios),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (scenario, a, b) => {
          const last = scenario.steps.length;
          const k = 1 + Math.floor(a * (last - 1));
          const m = k + Math.floor(b * (last - k));
          const revived = revivedAt(scenario, [], k);
          const replayed = new Stepper(scenario, []);
          for (const step of new Set([k, m, last])) expect(revived.at(step)).toEqual(replayed.at(step));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('holds for a run long enough that its persistent vectors and maps are several levels deep', () => {
    // 1,100 events, each in its own stream: the trie of the log's events has two levels below its root.
    const scenario = publishScenario(1_100);
    const replayed = new Stepper(scenario, []);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_090 }), fc.integer({ min: 0, max: 10 }), (k, ahead) => {
        const revived = revivedAt(scenario, [], k);
        expect(revived.at(k + ahead)).toEqual(replayed.at(k + ahead));
      }),
      { numRuns: 8 },
    );
  });

  it('starts from the seeded step instead of step 0', () => {
    const scenario = publishScenario(600);
    const revived = revivedAt(scenario, [], 500);
    const apply = vi.spyOn(revived as unknown as { apply: (...a: unknown[]) => unknown }, 'apply');
    revived.at(500);
    expect(apply).not.toHaveBeenCalled();
    revived.at(510);
    expect(apply).toHaveBeenCalledTimes(10);
  });

  it('refuses a world that cannot be that step of this run', () => {
    const scenario = findBuiltin('pubsub-basics')!;
    const stepper = new Stepper(scenario, []);
    const at3 = stepper.at(3);
    const fresh = new Stepper(scenario, []);
    expect(fresh.seed(4, at3.world, at3.effects)).toBe(false); // another step
    expect(fresh.seed(3, { ...at3.world, scenarioId: 'other' }, at3.effects)).toBe(false);
    expect(fresh.seed(0, stepper.at(0).world, [])).toBe(false); // step 0 is never replayed
    expect(fresh.seed(fresh.lastStep + 1, at3.world, at3.effects)).toBe(false);
    // A damaged world (a part missing) that the next step cannot run from.
    const { broker: _lost, ...damaged } = at3.world;
    expect(fresh.seed(3, damaged as typeof at3.world, at3.effects)).toBe(false);
    expect(fresh.at(3)).toEqual(stepper.at(3));
  });
});
