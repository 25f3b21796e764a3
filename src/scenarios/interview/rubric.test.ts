import { describe, expect, it } from 'vitest';
import { rideSharing } from './prompts/rideSharing';
import { failing, gradeWith, POOR } from './testing';
import type { RubricPointId } from './types';

const point = (patches: Parameters<typeof gradeWith>[1], id: RubricPointId) =>
  gradeWith(rideSharing, patches).rubric.find((p) => p.id === id)!;

describe('the rubric on the ride-sharing design', () => {
  it('the reference design passes every point, each with one sentence and a study link', () => {
    const g = gradeWith(rideSharing, []);
    expect(g.rubric.map((p) => p.id)).toEqual([
      'past-tense',
      'keys',
      'idempotent',
      'race',
      'payment-failure',
      'read-models',
      'outbox',
    ]);
    for (const p of g.rubric) {
      expect(p.pass, p.feedback).toBe(true);
      expect(p.feedback).toMatch(/^[A-Z"].*\.$/);
      expect(p.study.step).toBeGreaterThan(0);
    }
  });

  it('past-tense: a command name, a present tense and a generic "Updated" each fail, named', () => {
    expect(point([{ op: 'rename-event', from: 'RideAccepted', to: 'AcceptRide' }], 'past-tense')).toMatchObject({
      pass: false,
      feedback: 'AcceptRide reads as a command: name each event as the fact that happened.',
    });
    expect(point([{ op: 'rename-event', from: 'PaymentFailed', to: 'PaymentFails' }], 'past-tense').feedback).toBe(
      'PaymentFails is not in the past tense: name each event as the fact that happened.',
    );
    expect(point([{ op: 'rename-event', from: 'RideAccepted', to: 'RideUpdated' }], 'past-tense').feedback).toBe(
      'RideUpdated only says that something changed: name each event as the fact that happened.',
    );
  });

  it('keys: an unkeyed topic fails, naming the relay route and the id it should use', () => {
    const p = point([{ op: 'unkey-topic', topic: 'rides' }], 'keys');
    expect(p.pass).toBe(false);
    expect(p.feedback).toBe(
      "The relay publishes RideRequested, RideOffered, RideAccepted and 7 more to rides without the rideId as key: one entity's events can land in different partitions and be read out of order.",
    );
    expect(point([{ op: 'unkey-topic', topic: 'driver-locations' }], 'keys').feedback).toBe(
      "Step 1 publishes to driver-locations without a key: one entity's events can land in different partitions and be read out of order.",
    );
  });

  it('idempotent: a payments group that neither deduplicates nor is refused by its aggregate fails', () => {
    const p = point([{ op: 'not-idempotent', group: 'payments' }], 'idempotent');
    expect(p.pass).toBe(false);
    expect(p.feedback).toBe(
      'Group payments does not deduplicate by event id and a redelivered FareCalculated sends ChargeFare again and Payment still accepts it.',
    );
    // Without deduplication but with an aggregate that refuses a repeat, the consumer is still idempotent.
    const g = gradeWith(rideSharing, []);
    expect(g.rubric.find((r) => r.id === 'idempotent')!.pass).toBe(true);
  });

  it('race: an aggregate that still accepts AcceptRide once accepted fails', () => {
    const p = point([{ op: 'allow-repeat', aggregate: 'Ride', command: 'AcceptRide' }], 'race');
    expect(p.pass).toBe(false);
    expect(p.feedback).toContain('Ride still accepts AcceptRide in "offered", "accepted"');
  });

  it('payment failure: no retry and no compensation fails', () => {
    const p = point(
      [{ op: 'refuse-in', aggregate: 'Payment', command: 'ChargeFare', state: 'failed' }],
      'payment-failure',
    );
    expect(p.pass).toBe(false);
    expect(p.feedback).toBe(
      'After PaymentFailed the Payment is "failed", where ChargeFare is refused, and no service reacts to the failure: the fare is never paid.',
    );
  });

  it('read models: a screen without its own read model fails, naming what is missing', () => {
    expect(point([{ op: 'remove-projection', projection: 'driver-earnings' }], 'read-models').feedback).toBe(
      "Nothing serves the driver app's earnings (no read model of its own handles PaymentCaptured).",
    );
    expect(
      point([{ op: 'drop-handler', projection: 'trip-status', eventType: 'PaymentFailed' }], 'read-models').feedback,
    ).toBe("Nothing serves the rider app's trip status (trip-status does not handle PaymentFailed).");
  });

  it('outbox: an aggregate event also published by a service is a dual write', () => {
    const dual = rideSharing.questions.find((q) => q.id === 'publishing')!.choices.find((c) => c.id === 'dual-write')!;
    const p = point(dual.patches!, 'outbox');
    expect(p.pass).toBe(false);
    expect(p.feedback).toMatch(/^PaymentCaptured is stored by an aggregate and also published directly/);
  });

  it('the deliberately poor design fails exactly the matching points and runs', () => {
    expect(failing(gradeWith(rideSharing, POOR))).toEqual({
      rubric: ['past-tense', 'keys', 'idempotent'],
      runs: ['duplicate-payments', 'crash-payments'],
    });
  });
});
