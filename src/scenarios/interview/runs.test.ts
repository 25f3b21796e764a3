import { describe, expect, it } from 'vitest';
import { rideSharing } from './prompts/rideSharing';
import { gradeWith } from './testing';

const run = (patches: Parameters<typeof gradeWith>[1], id: string) =>
  gradeWith(rideSharing, patches).runs.find((r) => r.id === id)!;

describe('run-based checks on the ride-sharing design', () => {
  it('the reference design passes every run', () => {
    for (const r of gradeWith(rideSharing, []).runs) expect(r.pass, `${r.id}: ${r.feedback}`).toBe(true);
  });

  it('two accepts: exactly one driver assigned, or two when the ride accepts a second AcceptRide', () => {
    expect(run([], 'race').feedback).toBe('Driver assigned once: one RideAccepted for rideId 42.');
    expect(run([{ op: 'allow-repeat', aggregate: 'Ride', command: 'AcceptRide' }], 'race')).toMatchObject({
      pass: false,
      feedback: 'Driver assigned twice: 2 RideAccepted for rideId 42 by the end of the run.',
      inputs: [],
    });
  });

  it('duplicate delivery: charged once, or twice by a payments consumer that charges every delivery; the failing run keeps its input', () => {
    const r = run([{ op: 'not-idempotent', group: 'payments' }], 'duplicate-payments');
    expect(r).toMatchObject({
      pass: false,
      feedback: 'Charged twice: 2 PaymentCaptured for rideId 42 by the end of the run.',
      inputs: [{ kind: 'duplicate-delivery', atStep: 11, groupId: 'payments', memberId: 'payments-1' }],
      openAt: 12,
    });
  });

  it('a crash before the commit: the restarted consumer reprocesses; charged once only when it is idempotent', () => {
    expect(run([], 'crash-payments').pass).toBe(true);
    const r = run([{ op: 'not-idempotent', group: 'payments' }], 'crash-payments');
    expect(r.pass).toBe(false);
    expect(r.inputs.map((i) => i.kind)).toEqual(['crash-consumer-before-commit', 'add-consumer']);
  });

  it('a declined card: the rider is told, or the row still says "charging" when nothing shows the failure', () => {
    expect(run([], 'declined').feedback).toBe(
      'Maya was told: after the declined charge the trip-status row shows payment "charging" → "declined: update your card".',
    );
    expect(
      run([{ op: 'drop-handler', projection: 'trip-status', eventType: 'PaymentFailed' }], 'declined'),
    ).toMatchObject({
      pass: false,
      feedback:
        'Maya was not told: after the declined charge the trip-status row still shows status "arrived", fare 18, payment "charging".',
      openAt: 10,
    });
  });

  it('a run whose design has no such read model fails and says so', () => {
    expect(run([{ op: 'remove-projection', projection: 'trip-status' }], 'declined').feedback).toBe(
      'Maya was not told: the design has no trip-status row 42 to show the declined charge.',
    );
  });
});
