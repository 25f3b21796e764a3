import { describe, expect, it } from 'vitest';
import { blankScenario } from '../blank';
import { findBuiltin } from '../content';
import type { ScenarioDef } from '../schema';
import { applyPatches } from './patches';
import { gradePracticeDesign, type PracticeGrade } from './practiceGrade';
import { rideSharing } from './prompts/rideSharing';
import { POOR } from './testing';

const graded = (doc: unknown): PracticeGrade => {
  const r = gradePracticeDesign(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.grade;
};
const failing = (g: PracticeGrade) => ({
  rubric: g.rubric.filter((p) => !p.pass).map((p) => p.id),
  runs: g.runs.filter((r) => !r.pass).map((r) => r.id),
});
const builtin = findBuiltin('ride-sharing')!;
/** A command renamed everywhere it is named (the index has no rename for commands; the JSON is exact). */
const renameCommand = (s: ScenarioDef, from: string, to: string): ScenarioDef =>
  JSON.parse(JSON.stringify(s).replaceAll(`"${from}"`, `"${to}"`)) as ScenarioDef;

describe('the ride-sharing practice graded by the simulator', () => {
  it.each([
    ['the practice’s reference run (the built-in)', builtin],
    ['the mock interview’s reference design', rideSharing.reference],
  ])('%s passes every point and every run, each found by its own name', (_, design) => {
    const g = graded(design);
    expect(failing(g)).toEqual({ rubric: [], runs: [] });
    expect(g.score).toEqual({ passed: 11, total: 11 });
    expect(g.names.map((m) => [m.reference, m.yours])).toEqual([
      ['AcceptRide', 'AcceptRide'],
      ['RideAccepted', 'RideAccepted'],
      ['ChargeFare', 'ChargeFare'],
      ['PaymentFailed', 'PaymentFailed'],
      ['PaymentCaptured', 'PaymentCaptured'],
    ]);
    for (const r of g.runs) expect(r.design, r.id).not.toBeNull();
  });

  it('the runs play the learner’s own script: the built-in’s race step and its retry poll', () => {
    const g = graded(builtin);
    const run = (id: string) => g.runs.find((r) => r.id === id)!;
    expect(run('race').how).toBe('Played on your script’s race, step 5 (“Two drivers accept at the same instant”).');
    expect(run('race').feedback).toBe('Driver assigned once: one RideAccepted for rideId 42.');
    expect(run('duplicate-payments').inputs).toEqual([
      { kind: 'duplicate-delivery', atStep: 16, groupId: 'payments', memberId: 'payments-1' },
    ]);
    // The built-in has no payments poll after the retry: one is added, and the run says so.
    expect(run('duplicate-payments').how).toMatch(/no later poll by payments, so one was added at its end/);
    expect(run('declined').feedback).toBe(
      'Maya was told: after the declined charge the trip-status row shows payment "charging" → "declined: update your card".',
    );
    expect(run('declined').how).toBe(
      'Played on your script: the trip-status row 42 just before and just after it applies PaymentFailed, stored at step 14 (“The first charge fails”).',
    );
  });

  it('present-tense events, no keys and a non-idempotent payments consumer fail exactly those points and runs', () => {
    const g = graded(applyPatches(builtin, POOR));
    expect(failing(g)).toEqual({
      rubric: ['past-tense', 'keys', 'idempotent'],
      runs: ['duplicate-payments', 'crash-payments'],
    });
    const point = (id: string) => g.rubric.find((p) => p.id === id)!;
    expect(point('past-tense').feedback).toContain('DriverAcceptsRide and PaymentSucceeds are not in the past tense');
    expect(point('idempotent').feedback).toMatch(/^Group payments does not deduplicate by event id/);
    expect(g.runs.find((r) => r.id === 'duplicate-payments')!.feedback).toBe(
      'Charged twice: 2 PaymentSucceeds for rideId 42 by the end of the run.',
    );
    for (const p of g.rubric) expect(p.missing).toBe(false);
    // A run's title names the fault, never the outcome hoped for: it titles the branch a failing run opens as.
    expect(g.runs.map((r) => r.title)).toEqual([
      'Two drivers accept the same ride at once',
      'Duplicate delivery of the charge',
      'A crash after charging, before the commit',
      'A payment declined',
    ]);
  });

  it('renamed events and commands are graded on the same points: RideMatched for RideAccepted, MatchDriver for AcceptRide', () => {
    let doc = applyPatches(builtin, [
      { op: 'rename-event', from: 'RideAccepted', to: 'RideMatched' },
      { op: 'rename-event', from: 'PaymentCaptured', to: 'FareCollected' },
    ]);
    doc = renameCommand(renameCommand(doc, 'AcceptRide', 'MatchDriver'), 'ChargeFare', 'CollectFare');
    const g = graded(doc);
    expect(failing(g)).toEqual({ rubric: [], runs: [] });
    expect(g.names.map((m) => `${m.reference}=${m.yours}: ${m.how}`)).toEqual([
      'AcceptRide=MatchDriver: your race step sends it',
      'RideAccepted=RideMatched: MatchDriver records it',
      'ChargeFare=CollectFare: it records both FareCollected and PaymentFailed',
      'PaymentFailed=PaymentFailed: CollectFare records it as its failure',
      'PaymentCaptured=FareCollected: CollectFare records it when the charge goes through',
    ]);
    expect(g.rubric.find((p) => p.id === 'race')!.feedback).toMatch(/^MatchDriver is decided by the Ride aggregate/);
    expect(g.runs.find((r) => r.id === 'race')!.feedback).toBe('Driver assigned once: one RideMatched for rideId 42.');
    // The same design whose ride accepts a second MatchDriver: the race point and the race run fail.
    const repeat = applyPatches(doc, [{ op: 'allow-repeat', aggregate: 'Ride', command: 'MatchDriver' }]);
    const again = graded(repeat);
    expect(failing(again).rubric).toEqual(['race']);
    expect(again.runs.find((r) => r.id === 'race')!.feedback).toBe(
      'Driver assigned twice: 2 RideMatched for rideId 42 by the end of the run.',
    );
  });

  it('a script with one accept instead of a race: the run sends it twice at once, and says so', () => {
    const single = structuredClone(builtin);
    const i = single.steps.findIndex((st) => st.action.kind === 'race');
    const race = single.steps[i]!.action;
    if (race.kind !== 'race') throw new Error('the built-in races');
    single.steps[i] = {
      title: 'driver-7 accepts',
      narration: 'driver-7 accepts.',
      action: { kind: 'command', ...race.commands[0]! },
    };
    const r = graded(single).runs.find((x) => x.id === 'race')!;
    expect(r.how).toBe(
      'Your script sends AcceptRide once (step 5 (“driver-7 accepts”)); the run sends it twice at the same instant, as a race.',
    );
    expect(r.pass).toBe(true);
    const repeat = applyPatches(single, [{ op: 'allow-repeat', aggregate: 'Ride', command: 'AcceptRide' }]);
    expect(graded(repeat).runs.find((x) => x.id === 'race')!.feedback).toBe(
      'Driver assigned twice: 2 RideAccepted for rideId 42 by the end of the run.',
    );
  });

  it('a blank design started from the exercise: every point and run says what is missing, none passes', () => {
    const g = graded(blankScenario({ id: 'my-design', title: 'My design: Ride-sharing', exercise: builtin }));
    expect(g.score.passed).toBe(0);
    for (const p of g.rubric) expect({ id: p.id, missing: p.missing }).toEqual({ id: p.id, missing: true });
    for (const r of g.runs)
      expect({ id: r.id, missing: r.missing, design: r.design }).toMatchObject({ missing: true, design: null });
    expect(g.rubric.find((p) => p.id === 'race')!.feedback).toBe(
      'Not found in your design: the command two drivers send at once (AcceptRide in the reference).',
    );
    expect(g.runs.find((r) => r.id === 'declined')!.feedback).toBe(
      'Not run: your design records no failed charge, so there is nothing to tell the rider.',
    );
    expect(g.names.every((m) => m.yours === null && m.how === 'not found in your design')).toBe(true);
    expect(g.runs.find((r) => r.id === 'duplicate-payments')!.feedback).toBe(
      'Not run: nothing in your design is the event that records a successful charge (PaymentCaptured in the reference).',
    );
  });

  it('a design that does not validate is not graded: its issues come back', () => {
    const r = gradePracticeDesign({ ...builtin, steps: 'none' });
    expect(r.ok).toBe(false);
  });
});
