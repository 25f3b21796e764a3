import { describe, expect, it } from 'vitest';
import { allBuiltins } from './content';
import { failedExpectations } from './expectations';
import { parseScenario } from './parse';
import { compileScenario } from './compiledScenario';
import { Stepper, worldAt } from './stepper';

describe.each(allBuiltins().map((s) => [s.id, s] as const))('built-in scenario %s', (_id, scenario) => {
  it('validates against the schema', () => {
    expect(parseScenario(JSON.parse(JSON.stringify(scenario)))).toEqual({ ok: true, scenario });
  });

  it('runs headless to its last step and meets every expectation written in it', () => {
    const stepper = new Stepper(scenario, []);
    expect(stepper.lastStep).toBe(scenario.steps.length);
    const failures: string[] = [];
    scenario.steps.forEach((step, i) => {
      const { world, effects } = stepper.at(i + 1);
      for (const f of failedExpectations(world, step.expect ?? [], compileScenario(scenario), effects))
        failures.push(`step ${i + 1} (${step.title}): ${f}`);
    });
    expect(failures).toEqual([]);
  });

  it('is deterministic: two runs give identical worlds at every step', () => {
    const a = new Stepper(scenario, []);
    const b = new Stepper(scenario, []);
    for (let k = 0; k <= a.lastStep; k++) expect(JSON.stringify(a.at(k))).toBe(JSON.stringify(b.at(k)));
  });

  it('jumping to step k equals stepping there, and stepping back then forward returns the same world', () => {
    const stepper = new Stepper(scenario, [], 3);
    const forward = Array.from({ length: stepper.lastStep + 1 }, (_, k) => JSON.stringify(stepper.at(k)));
    for (let k = stepper.lastStep; k >= 0; k--) expect(JSON.stringify(stepper.at(k))).toBe(forward[k]);
    for (let k = 0; k <= stepper.lastStep; k++) expect(JSON.stringify(worldAt(scenario, [], k))).toBe(forward[k]);
  });
});

describe('built-in content', () => {
  it('has unique ids', () => {
    const ids = allBuiltins().map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('pubsub-basics');
  });
});
