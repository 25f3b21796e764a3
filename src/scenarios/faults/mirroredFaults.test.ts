import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { Stepper } from '../stepper';
import { FAULTS, faultAvailability } from './availability';

describe('the fault palette in a two-region scenario (topology.mirror)', () => {
  it('says each fault is not modelled across mirrored clusters, and where the story takes a region down, never "no consumer group" or "event store only"', () => {
    const s = findBuiltin('two-regions')!;
    const down = s.steps.findIndex((x) => x.action.kind === 'region-down') + 1;
    const world = new Stepper(s, []).at(down).world;
    // The step the sentence names is the one whose world has the region down.
    expect(world.mirror).toBeDefined();
    expect(new Stepper(s, []).at(down).narration.title).toMatch(/goes down/);
    const a = faultAvailability(s, world);
    for (const name of FAULTS.filter((f) => f !== 'Slow projection')) {
      expect(a[name]).toMatch(/^This scenario runs one Kafka cluster per region, joined by MirrorMaker 2/);
      expect(a[name]).toContain(`The scenario's own step ${down} takes a region down.`);
      expect(a[name]).not.toMatch(/no consumer group|event store only/);
    }
  });
});
