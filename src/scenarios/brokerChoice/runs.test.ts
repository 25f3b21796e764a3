/** Every profile's run of the story: deterministic, through the profiles' own operations, every effect explained. */
import { describe, expect, it } from 'vitest';
import { allRuns, PROFILES } from './runs';
import { BEATS, POISON } from './story';

describe('the story on every profile', () => {
  it('sets the poison aside for billing on every broker', () => {
    for (const run of allRuns())
      expect(
        run.steps.flatMap((s) => s.gaveUp).some((g) => g.service === 'billing' && g.eventId === POISON.id),
        run.profile,
      ).toBe(true);
  });

  it('gives the same run twice (pure and deterministic)', () => {
    for (const p of PROFILES) expect(JSON.stringify(p.run())).toBe(JSON.stringify(p.run()));
  });

  it('has one step per beat, and every effect carries a reason in words', () => {
    for (const run of allRuns()) {
      expect(run.steps.map((s) => s.beat)).toEqual(BEATS.map((b) => b.id));
      for (const s of run.steps)
        for (const e of s.effects) expect(e.reason.length, `${run.profile} ${e.kind}`).toBeGreaterThan(10);
    }
  });

  it('never asks a profile for something it refuses (the adapters speak each broker’s idioms)', () => {
    for (const run of allRuns())
      for (const s of run.steps)
        expect(
          s.effects.filter((e) => /rejected|refused/.test(e.kind)).map((e) => e.reason),
          run.profile,
        ).toEqual([]);
  });

  it('lets every service handle every event it subscribed to, except what its broker set aside', () => {
    for (const run of allRuns()) {
      const setAside = new Set(run.steps.flatMap((s) => s.gaveUp.map((g) => `${g.service}/${g.eventId}`)));
      const done = new Set(
        run.steps.flatMap((s) =>
          s.deliveries.filter((d) => d.outcome === 'processed').map((d) => `${d.service}/${d.eventId}`),
        ),
      );
      for (const b of BEATS)
        for (const e of b.publish)
          for (const service of ['billing', 'shipping', 'analytics']) {
            if (setAside.has(`${service}/${e.id}`)) expect(done.has(`${service}/${e.id}`), run.profile).toBe(false);
            else expect(done.has(`${service}/${e.id}`), `${run.profile}: ${service} ${e.label}`).toBe(true);
          }
    }
  });

  it('shows the crash on every broker: shipping handles the same two orders again after it comes back', () => {
    for (const run of allRuns()) {
      const crash = run.steps.find((s) => s.beat === 'crash')!;
      const shipping = crash.deliveries.filter((d) => d.service === 'shipping');
      expect(
        shipping.map((d) => d.outcome),
        run.profile,
      ).toEqual(['crashed', 'crashed', 'processed', 'processed']);
    }
  });

  it('keeps each broker’s own words: Kafka offsets, RabbitMQ delivery tags, SQS receive counts, NATS, Pub/Sub and EventBridge delivery counts', () => {
    const detail = (id: string) => allRuns().find((r) => r.profile === id)!.steps[1]!.deliveries[0]!.detail;
    expect(detail('kafka')).toMatch(/^orders-\d@\d+$/);
    expect(detail('rabbitmq')).toMatch(/delivery tag 1/);
    expect(detail('sqs')).toMatch(/receive count 1/);
    expect(detail('nats')).toMatch(/delivery count 1/);
    expect(detail('pubsub')).toMatch(/delivery attempt 1/);
    expect(detail('eventbridge')).toMatch(/^event ev-\d+, attempt 1/);
  });
});
