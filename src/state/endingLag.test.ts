import { describe, expect, it } from 'vitest';
import { allBuiltins, findBuiltin } from '../scenarios/content';
import { Stepper } from '../scenarios/stepper';
import { endingLagNote } from './endingLag';
import { groupLag } from './lagSeries';

describe('the note on lag at the end of a story', () => {
  it('names every group left behind with its lag, as the world has it', () => {
    for (const s of allBuiltins()) {
      const { world } = new Stepper(s, []).at(s.steps.length);
      const note = endingLagNote(world.broker);
      const behind = Object.keys(world.broker.groups).filter((id) => (groupLag(world.broker, id).lag ?? 0) > 0);
      if (behind.length === 0) expect(note, s.id).toBeNull();
      for (const id of behind) expect(note, s.id).toContain(`${id} ${groupLag(world.broker, id).lag} record`);
    }
  });

  it('ride-sharing ends with matching behind, and says why', () => {
    const s = findBuiltin('ride-sharing')!;
    const note = endingLagNote(new Stepper(s, []).at(s.steps.length).world.broker);
    expect(note).toMatch(/matching \d+ records/);
    expect(note).toMatch(/stops polling a group once its part is told/);
  });
});
