import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../content';
import { Stepper } from '../stepper';
import { FAULTS, faultAvailability } from './availability';
import { faultInputFor } from './faultInputs.testkit';

describe('the fault palette in every built-in scenario', () => {
  for (const scenario of allBuiltins()) {
    it(`${scenario.id}: every fault is offered or says why, and each offered one runs to the end of the story`, () => {
      const at = Math.floor(scenario.steps.length / 3);
      const world = new Stepper(scenario, []).at(at).world;
      const availability = faultAvailability(scenario, world);
      // A broker can fail only where the scenario models replicas (topology.replication).
      if (!scenario.topology.replication) {
        expect(availability['Kill broker']).toMatch(
          /^This scenario (models one broker without replicas;|has no Kafka broker|runs one Kafka cluster per region)/,
        );
        expect(availability['Restart broker']).toMatch(
          /^This scenario (models one broker without replicas;|has no Kafka broker|runs one Kafka cluster per region)/,
        );
      } else expect(availability['Kill broker']).toBeNull();
      const projections = (scenario.topology.projections ?? []).map((p) => p.name);
      for (const name of FAULTS) {
        const why = availability[name];
        const input = faultInputFor(name, world, projections, at);
        if (why !== null) {
          expect(why).toMatch(/\.$/);
          continue;
        }
        expect(input, `${name} is offered, so the panel can fill it`).not.toBeNull();
        const run = new Stepper(scenario, [input!]);
        const fault = run.at(at + 1);
        expect(fault.effects.length, `${name} says what it did`).toBeGreaterThan(0);
        for (const e of fault.effects) expect(e.reason).toMatch(/\S/);
        expect(run.at(run.lastStep).world.step).toBe(run.lastStep);
      }
    });
  }
});
