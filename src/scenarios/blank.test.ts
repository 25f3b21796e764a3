import { describe, expect, it } from 'vitest';
import { committedOffset, partitionForKey } from '../engine/broker';
import { blankScenario } from './blank';
import { findBuiltin } from './content';
import { lintScenario } from './lint';
import { Stepper } from './stepper';

describe('blank scenario', () => {
  it('is valid, runs to the end and publishes then reads its record', () => {
    const s = blankScenario({ id: 'mine-1', title: 'Mine' });
    const end = new Stepper(s, []).at(s.steps.length);
    expect(Object.values(end.world.broker.topics.events!.partitions).reduce((n, p) => n + p.records.length, 0)).toBe(1);
    const p = partitionForKey('thing-1', 3);
    expect(committedOffset(end.world.broker, 'readers', 'events', p)).toBe(1);
  });

  it('has no design error to fix before starting', () => {
    expect(lintScenario(blankScenario({ id: 'b', title: 'B' })).filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('for an exercise, carries its question and concepts but none of its answer', () => {
    const ride = findBuiltin('ride-sharing')!;
    const s = blankScenario({ id: 'design-1', title: 'My ride-sharing design', exercise: ride });
    expect(s.summary).toContain(ride.practice!.intro.slice(0, 40));
    expect(s.concepts).toEqual(ride.concepts);
    expect(s.topology.aggregates).toBeUndefined();
    expect(s.topology.eventTypes!.map((e) => e.name)).toEqual(['SomethingHappened']);
  });
});
