import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../../engine/types';
import { allBuiltins } from '../content';
import { Stepper } from '../stepper';
import type { World } from '../world';
import { brokersThatAre, FAULTS, faultAvailability, producersWithSends, type FaultName } from './availability';

/** The input the panel would send for an enabled fault, with the first choice of each field. */
function inputFor(name: FaultName, world: World, projections: readonly string[], atStep: number): LearnerInput | null {
  const group = Object.values(world.broker.groups).find((g) => Object.keys(g.members).length > 0);
  const who = group ? { groupId: group.groupId, memberId: Object.keys(group.members).sort()[0]! } : null;
  const topic = Object.keys(world.broker.topics).find((t) => !t.endsWith('.DLT'));
  switch (name) {
    case 'Crash consumer':
      return who && { kind: 'crash-consumer-before-commit', atStep, ...who };
    case 'Pause consumer':
      return who && { kind: 'pause-consumer', atStep, ...who, steps: 3 };
    case 'Slow consumer':
      return who && { kind: 'slow-consumer', atStep, ...who, processingMs: 600_000 };
    case 'Duplicate delivery':
      return who && { kind: 'duplicate-delivery', atStep, ...who };
    case 'Poison message':
      return topic ? { kind: 'poison-message', atStep, topic, key: 'poison-1' } : null;
    case 'Drop producer connection': {
      const producerId = producersWithSends(world)[0];
      return producerId ? { kind: 'drop-producer-connection', atStep, producerId } : null;
    }
    case 'Slow projection':
      return projections[0]
        ? { kind: 'slow-projection', atStep, projection: projections[0], lagMs: 5000, steps: 3 }
        : null;
    case 'Kill broker': {
      const broker = brokersThatAre(world, true)[0];
      return broker === undefined ? null : { kind: 'kill-broker', atStep, broker };
    }
    case 'Restart broker': {
      const broker = brokersThatAre(world, false)[0];
      return broker === undefined ? null : { kind: 'restart-broker', atStep, broker };
    }
  }
}

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
        const input = inputFor(name, world, projections, at);
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
