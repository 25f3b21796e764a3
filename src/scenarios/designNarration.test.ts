/**
 * A learner's design opened in the player is told from what IT did wherever its run differs from the
 * reference's: the 1-of-12 ride-sharing design's race, refused StartTrip, missing fare and charge are
 * not narrated from the reference's script, while a step that played out the same keeps the authored text.
 */
import { describe, expect, it } from 'vitest';
import type { Effect, LearnerInput } from '../engine/types';
import { playedTheSame, sameOutcome } from './sameStory';
import { pairSteps, sameDesign } from './designNarration';
import { referenceOf } from './interview/designReference';
import { applyPatches } from './interview/patches';
import { rideSharing } from './interview/prompts/rideSharing';
import { POOR } from './interview/testing';
import type { ScenarioDef, StepDef } from './schema';
import { Stepper } from './stepper';

const reference = rideSharing.reference;
const saved = (s: ScenarioDef): ScenarioDef => ({
  ...s,
  id: 'my-interview-design-2',
  title: 'My mock-interview design',
});
// The poor design, and the race's loser accepted too (the walkthrough's design).
const poor = saved(
  applyPatches(reference, [...POOR, { op: 'allow-repeat', aggregate: 'Ride', command: 'AcceptRide' }]),
);
const effect = (reason: string) => ({ kind: 'event-stored', reason }) as unknown as Effect;

describe('comparing a design’s step with the reference’s', () => {
  it('the same effects with other event ids are the same outcome; another sentence is not', () => {
    const a = [effect('event 123e4567-e89b-12d3-a456-426614174000 stored')];
    const b = [effect('event 00000000-e89b-12d3-a456-426614174999 stored')];
    expect(sameOutcome(a, b)).toBe(true);
    expect(sameOutcome(a, [effect('StartTrip is refused')])).toBe(false);
    expect(sameOutcome(a, [...a, ...a])).toBe(false);
  });

  it('steps pair by their authored title and text; a step the reference lacks pairs with nothing', () => {
    const step = (title: string) => ({ title, narration: title }) as unknown as StepDef;
    expect(pairSteps([step('a'), step('late retry'), step('b')], [step('a'), step('b')])).toEqual([0, null, 1]);
  });

  it('a saved design is found to be built from its prompt’s reference; a built-in is not', () => {
    expect(referenceOf(poor)).toBe(reference);
    expect(sameDesign(saved(reference), reference)).toBe(true);
    expect(sameDesign(poor, reference)).toBe(false);
  });
});

describe('a poor ride-sharing design opened in the player', () => {
  const st = new Stepper(poor, [], 25, reference);
  const text = (k: number) => st.at(k).narration;

  it('the intro says it is the learner’s design, not the reference', () => {
    expect(st.differsFromReference()).toBe(true);
    expect(text(0).title).toBe('Ride-sharing, your design');
    expect(text(0).text).toMatch(/told from what your design did/);
  });

  it('a step that played out as in the reference keeps the authored text', () => {
    expect(text(1)).toEqual({
      title: reference.steps[0]!.title,
      text: reference.steps[0]!.narration,
      generated: false,
    });
  });

  it('the race, the refused StartTrip, the missing fare and charge are told from what the design did', () => {
    const race = text(4);
    expect(race.generated).toBe(true);
    expect(race.toldBecause).toBe('design');
    expect(race.text).toMatch(/DriverAcceptsRide stored as revision 2/);
    expect(race.text).toMatch(/DriverAcceptsRide stored as revision 3/);
    expect(race.text).not.toMatch(/the second is decided again/);
    expect(race.original).toMatchObject({ of: 'reference', text: reference.steps[3]!.narration });
    expect(race.original!.differences.length).toBeGreaterThan(0);

    expect(text(6).text).toMatch(/StartTrip is refused/);
    expect(text(6).text).not.toMatch(/driver-7 starts the trip/);
    for (const k of [8, 9]) {
      expect(text(k).generated, `step ${k}`).toBe(true);
      expect(text(k).text, `step ${k}`).not.toMatch(/records the fare|declined/);
    }
  });

  it('every step is either the authored text of a step that played out the same, or told from the effects', () => {
    const ref = new Stepper(reference, []);
    for (let k = 1; k <= st.lastStep; k++) {
      const { narration, effects, world } = st.at(k);
      expect(narration.generated, `step ${k}`).toBe(!playedTheSame({ world, effects }, ref.at(k)));
    }
  });

  it('after a fault, the steps of the run are told from what the design did in it', () => {
    const fault: LearnerInput = { kind: 'duplicate-delivery', atStep: 11, groupId: 'payments', memberId: 'payments-1' };
    const run = new Stepper(poor, [fault], 25, reference);
    const last = run.at(run.lastStep).narration;
    expect(last.generated).toBe(true);
    expect(last.toldBecause).toBe('design-branch');
    expect(last.original?.of).toBe('reference');
  });
});

describe('the reference design opened as a design', () => {
  it('keeps every step’s authored text and its intro', () => {
    const st = new Stepper(saved(reference), [], 25, reference);
    expect(st.differsFromReference()).toBe(false);
    expect(st.at(0).narration.title).toBe(reference.intro.title);
    for (let k = 1; k <= st.lastStep; k++) {
      const { narration } = st.at(k);
      expect(narration).toEqual({
        title: reference.steps[k - 1]!.title,
        text: reference.steps[k - 1]!.narration,
        generated: false,
      });
    }
  });
});
