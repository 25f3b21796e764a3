import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { mustParseScenario } from '../parse';
import type { ScenarioDef } from '../schema';
import { compareDesign, COMPARISON_TOPICS, type ComparisonPoint } from './designCompare';
import { howClose, matchNames, stem } from './names';

const reference = findBuiltin('ride-sharing')!;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
/** A learner's design: the reference changed by `edit`, still a valid scenario. */
const design = (edit: (d: Doc) => void, json = (s: string) => s): ScenarioDef => {
  const d = JSON.parse(json(JSON.stringify(reference)));
  // A learner's own design carries no test expectations.
  for (const s of d.steps) delete s.expect;
  edit(d);
  return mustParseScenario(d);
};
const statuses = (points: ComparisonPoint[]) => Object.fromEntries(points.map((p) => [p.id, p.status]));

describe('compareDesign', () => {
  it('says who depends on each reference event: the services reacting to it and the read models projecting it, else the groups reading its topics', () => {
    const t = reference.topology;
    const points = compareDesign(reference, reference);
    let named = 0;
    for (const e of t.eventTypes!) {
      const why = points.find((p) => p.id === `event:${e.name}`)!.why.toLowerCase();
      const services = (t.services ?? []).filter((sv) => sv.on.some((o) => o.eventType === e.name));
      const models = (t.projections ?? []).filter((p) => p.on.some((o) => o.eventType === e.name));
      for (const sv of services) expect(why, e.name).toContain(`the ${sv.label}`.toLowerCase());
      for (const m of models) expect(why, e.name).toContain(`the ${m.title} read model`.toLowerCase());
      // each reader once, however many of its handlers name the event
      for (const sv of services) expect(why.split(`the ${sv.label}`.toLowerCase()).length, e.name).toBe(2);
      named += services.length + models.length;
    }
    expect(named).toBeGreaterThan(2);
  });

  it('finds the reference identical to itself: every point matches, in every topic', () => {
    const points = compareDesign(reference, reference);
    expect(points.filter((p) => p.status !== 'match')).toEqual([]);
    expect(new Set(points.map((p) => p.topic))).toEqual(new Set(COMPARISON_TOPICS.map((t) => t.topic)));
    // Derived from the data: one point per event type, topic and consumer group of the reference.
    const t = reference.topology;
    expect(points.filter((p) => p.id.startsWith('event:'))).toHaveLength(t.eventTypes!.length);
    expect(points.filter((p) => p.id.startsWith('key:')).map((p) => p.id)).toEqual(
      t.topics.map((x) => `key:${x.name}`),
    );
    expect(points.filter((p) => p.id.startsWith('consumer:')).map((p) => p.id)).toEqual(
      t.groups.map((g) => `consumer:${g.id}`),
    );
    expect(points.map((p) => p.id)).toEqual(
      expect.arrayContaining([
        'naming:past-tense',
        'consumers:delivery',
        'race:decision',
        'race:script',
        'race:publish',
      ]),
    );
    for (const p of points) {
      expect(p.reference).toBeTruthy();
      expect(p.yours).toBeTruthy();
      expect(p.why).toMatch(/^[A-Z].*\.$/);
      expect(p.why.split(/\.\s/)).toHaveLength(1);
    }
    expect(new Set(points.map((p) => p.id)).size).toBe(points.length);
  });

  it('a renamed event, a keyless topic, a missing consumer and no race protection', () => {
    const learner = design(
      (d) => {
        d.topology.relay.routes[0].key = null;
        delete d.topology.topics.find((t: Doc) => t.name === 'rides').keyField;
        d.topology.groups = d.topology.groups.filter((g: Doc) => g.id !== 'notifications');
        d.topology.services = d.topology.services.filter((s: Doc) => s.group !== 'notifications');
        d.steps = d.steps.filter((s: Doc) => s.action.group !== 'notifications');
        // Accepted again once accepted; the radius guard checks nothing the acceptance changes.
        d.topology.aggregates[0].commands.find((c: Doc) => c.command === 'AcceptRide').when = ['offered', 'accepted'];
      },
      (s) => s.replaceAll('"RideAccepted"', '"DriverAcceptedRide"'),
    );
    const points = compareDesign(learner, reference);
    const byId = Object.fromEntries(points.map((p) => [p.id, p]));
    expect(statuses(points)).toMatchObject({
      'event:RideAccepted': 'partial',
      'event:RideRequested': 'match',
      'naming:past-tense': 'different',
      'key:rides': 'missing',
      'key:driver-locations': 'match',
      'consumer:notifications': 'missing',
      'consumer:matching': 'match',
      'consumers:delivery': 'match',
      'race:decision': 'missing',
      'race:script': 'match',
      'race:publish': 'match',
    });
    expect(byId['event:RideAccepted']!.yours).toContain('DriverAcceptedRide');
    expect(byId['event:RideAccepted']!.yours).toContain('a close name');
    expect(byId['naming:past-tense']!.yours).toBe('Not in the past tense: DriverAcceptedRide.');
    expect(byId['key:rides']!.yours).toContain('no key in relay route 1');
    expect(byId['consumer:notifications']!.yours).toBe('No consumer group like Notifications.');
    expect(byId['race:decision']!.yours).toContain('still accepted after DriverAcceptedRide');
  });

  it('tells a guard from the lifecycle, a different key from a missing one, and commit modes apart', () => {
    const learner = design((d) => {
      const accept = d.topology.aggregates[0].commands.find((c: Doc) => c.command === 'AcceptRide');
      accept.when = ['offered', 'accepted'];
      accept.guard = { not: { exists: { ref: 'state.driverId' } } };
      d.topology.relay.routes[0].key = { ref: 'event.data.riderId' };
      d.topology.topics.find((t: Doc) => t.name === 'rides').keyField = 'riderId';
      d.topology.groups.find((g: Doc) => g.id === 'payments').commitMode = 'before';
      d.topology.groups.find((g: Doc) => g.id === 'pricing').idempotent = false;
      d.topology.eventTypes.find((e: Doc) => e.name === 'TripEnded').fields.push({ name: 'tip', type: 'number' });
      d.topology.eventTypes
        .find((e: Doc) => e.name === 'TripEnded')
        .fields.find((f: Doc) => f.name === 'distanceKm').type = 'string';
    });
    const points = compareDesign(learner, reference);
    const byId = Object.fromEntries(points.map((p) => [p.id, p]));
    expect(statuses(points)).toMatchObject({
      'race:decision': 'partial',
      'key:rides': 'different',
      'consumers:delivery': 'different',
      'event:TripEnded': 'partial',
    });
    expect(byId['race:decision']!.yours).toContain('guard checks state.driverId');
    expect(byId['consumers:delivery']!.yours).toBe(
      'Pricing is not idempotent and Payments commits before processing (at-most-once).',
    );
    expect(byId['event:TripEnded']!.yours).toContain('extra tip; distanceKm is a string, not a number');
  });

  it('finds renamed parts by what they do, and says what is missing in a design from scratch', () => {
    const learner = design((d) => {
      const g = d.topology.groups.find((x: Doc) => x.id === 'payments');
      g.id = 'billing';
      g.label = 'Billing';
      d.topology.services.find((s: Doc) => s.group === 'payments').group = 'billing';
      d.steps = d.steps.filter(
        (s: Doc) => s.action.kind !== 'race' && !(s.action.kind === 'poll' && s.action.group === 'payments'),
      );
      delete d.topology.eventTypes;
    });
    const points = compareDesign(learner, reference);
    expect(statuses(points)).toMatchObject({
      'consumer:payments': 'match',
      'race:script': 'missing',
      'event:TripRated': 'partial',
    });
    expect(points.find((p) => p.id === 'event:TripRated')!.yours).toBe(
      'TripRated (no schema version declared) with rideId, driverId and stars: not declared in eventTypes, so it has no schema version.',
    );
    expect(points.find((p) => p.id === 'consumer:payments')!.yours).toMatch(
      /^Billing \(group billing\) reads rides; reacts to FareCalculated/,
    );

    const blank = mustParseScenario({ ...JSON.parse(JSON.stringify(findBuiltin('pubsub-basics')!)), id: 'blank' });
    const fromScratch = statuses(compareDesign(blank, reference));
    expect(fromScratch['event:RideAccepted']).toBe('missing');
    expect(fromScratch['key:rides']).toBe('missing');
    expect(fromScratch['consumer:matching']).toBe('missing');
    expect(fromScratch['race:decision']).toBe('missing');
    expect(fromScratch['race:publish']).toBe('missing');
  });

  it('a direct publish of the accept event is not a decision', () => {
    const learner = design((d) => {
      d.topology.aggregates[0].commands = d.topology.aggregates[0].commands.filter(
        (c: Doc) => c.command !== 'AcceptRide',
      );
      d.topology.eventTypes.find((e: Doc) => e.name === 'RideAccepted').aggregate = undefined;
      d.topology.producers.push({ id: 'driver-backend', label: 'Driver backend' });
      d.steps = d.steps.map((s: Doc) =>
        s.action.kind === 'race'
          ? {
              ...s,
              action: {
                kind: 'publish',
                producer: 'driver-backend',
                topic: 'rides',
                event: {
                  eventType: 'RideAccepted',
                  streamId: 'ride-42',
                  key: '42',
                  data: { rideId: '42', riderId: 'rider-maya', driverId: 'driver-7', distanceKm: 0.4 },
                },
              },
            }
          : s,
      );
      d.steps = d.steps.filter(
        (s: Doc) =>
          !(s.expect ?? []).length || s.action.kind !== 'publish' || s.action.event?.eventType !== 'RideAccepted',
      );
      for (const s of d.steps) delete s.expect;
    });
    const points = compareDesign(learner, reference);
    const byId = Object.fromEntries(points.map((p) => [p.id, p]));
    expect(byId['race:decision']).toMatchObject({ status: 'missing' });
    expect(byId['race:decision']!.yours).toBe(
      'RideAccepted is published directly; no aggregate decides between two AcceptRide commands.',
    );
    expect(byId['race:publish']!.status).toBe('different');
  });
});

describe('names', () => {
  it('stems words and matches close names one to one', () => {
    expect(['Accepted', 'accepts', 'accepting', 'accept'].map(stem)).toEqual(['accept', 'accept', 'accept', 'accept']);
    expect(stem('Notified')).toBe(stem('notify'));
    expect(stem('Cancelled')).toBe(stem('cancel'));
    expect(howClose('RideAccepted', 'RideAccepted')).toBe('same');
    expect(howClose('RideAccepted', 'rideaccepted')).toBe('case');
    expect(howClose('RideAccepted', 'DriverAcceptedRide')).toBe('close');
    expect(howClose('RideRequested', 'RideRequest')).toBe('close');
    expect(howClose('rides', 'ride-events')).toBe('close');
    expect(howClose('TripEnded', 'TripStarted')).toBeNull();
    expect(howClose('PaymentFailed', 'PaymentCaptured')).toBeNull();
    const m = matchNames(['PaymentCaptured', 'PaymentFailed'], ['PaymentFailed', 'PaymentCaptureFailed']);
    expect(m.get('PaymentFailed')).toEqual({ name: 'PaymentFailed', how: 'same' });
    expect(m.get('PaymentCaptured')).toEqual({ name: 'PaymentCaptureFailed', how: 'close' });
  });
});
