/** "What goes wrong": the facts shown come from the runs (the comparison table's cells and the runs' deliveries). */
import { describe, expect, it } from 'vitest';
import { observe } from '../observe';
import { allRuns } from '../runs';
import { compare } from '../table';
import type { ProfileId } from '../types';
import { whatGoesWrong, type Shown } from './facts';
import { REQUIREMENT_SETS } from './sets';

const set = (id: string) => REQUIREMENT_SETS.find((s) => s.id === id)!;
const run = (id: ProfileId) => allRuns().find((r) => r.profile === id)!;
const exercised = (s: readonly Shown[]) => s.filter((x): x is Extract<Shown, { exercised: true }> => x.exercised);

describe('what goes wrong, from the runs', () => {
  it('shows SNS + SQS’s failed replay next to Kafka’s, with the counts the runs produced', () => {
    const w = whatGoesWrong(set('marketplace-history'), 'sqs', allRuns());
    expect(w.comparedWith).toBe('kafka');
    expect(w.focus).toBe('fails');
    const replay = exercised(w.shown).find((s) => s.requirement.id === 'replay-months')!;
    const o = observe(run('sqs'));
    expect(replay.beat).toBe('replay');
    expect(replay.pick.text).toContain(`audit got ${o.replayed} of the ${o.replayable} earlier events`);
    expect(o.replayed).toBe(0);
    expect(replay.pick.deliveries).toEqual([]);
    const k = observe(run('kafka'));
    expect(replay.best!.text).toContain(`audit got ${k.replayed} of the ${k.replayable} earlier events`);
    expect(replay.best!.deliveries).toEqual(
      run('kafka')
        .steps.find((s) => s.beat === 'replay')!
        .deliveries.filter((d) => d.service === 'audit'),
    );
  });

  it('shows EventBridge’s replay out of order next to Pub/Sub’s in order, from the runs’ observations', () => {
    const w = whatGoesWrong(set('read-models'), 'eventbridge', allRuns());
    expect(w.focus).toBe('cost');
    const replay = exercised(w.shown).find((s) => s.requirement.id === 'replay-week')!;
    const late = observe(run('eventbridge')).outOfOrder.filter((o) => o.service === 'audit' && o.beat === 'replay');
    expect(late.length).toBeGreaterThan(0);
    expect(replay.pick.text).toContain(`In the replay, audit got ${late[0]!.late} after ${late[0]!.after}`);
    expect(replay.best!.profile).toBe('pubsub');
    expect(replay.best!.text).toContain('In the replay, each order’s events came in the order they were published.');
  });

  it('shows the step where the pick broke per-key order, for both runs', () => {
    const w = whatGoesWrong(set('marketplace-history'), 'sqs', allRuns());
    const order = exercised(w.shown).find((s) => s.requirement.id === 'order-per-key-parallel')!;
    const first = observe(run('sqs')).outOfOrder[0]!;
    expect(order.beat).toBe(first.beat);
    expect(order.service).toBe(first.service);
    expect(order.pick.text).toBe(compare([run('sqs')]).rows.find((r) => r.id === 'order')!.cells.sqs!.text);
    expect(order.pick.text).toMatch(/^Not kept: /);
    expect(order.best!.text).toMatch(/^Kept/);
    expect(order.limits).toMatch(/one consumer/);
  });

  it('shows what the poison did on SQS FIFO: the message behind it went to the dead-letter queue too', () => {
    const w = whatGoesWrong(set('notifications'), 'sqs-fifo', allRuns());
    const poison = exercised(w.shown).find((s) => s.requirement.id === 'poison-set-aside')!;
    const o = observe(run('sqs-fifo')).poison;
    expect(o.setAsideToo.length).toBeGreaterThan(0);
    expect(poison.pick.text).toContain(`Billing got it ${o.attempts} times`);
    expect(poison.pick.text).toContain('waited behind it and went to billing-dlq.fifo too');
    expect(poison.pick.gaveUp.map((g) => g.eventId)).toEqual([
      o.gaveUp!.eventId,
      ...o.setAsideToo.map((g) => g.eventId),
    ]);
    expect(poison.best!.profile).toBe('sqs');
  });

  it('says so, rather than showing a run, where the story does not exercise the requirement', () => {
    const w = whatGoesWrong(set('image-jobs'), 'sqs', allRuns());
    expect(w.focus).toBe('cost');
    expect(w.shown.map((s) => s.requirement.id)).toEqual(['priorities', 'per-message-expiry']);
    for (const s of w.shown) {
      expect(s.exercised).toBe(false);
      if (!s.exercised) expect(s.note).toMatch(/does not exercise .* no run can show it/);
    }
  });

  it('compares a best pick with another best fit, or with none when it is the only one', () => {
    expect(whatGoesWrong(set('notifications'), 'pubsub', allRuns()).comparedWith).toBe('sqs');
    const only = whatGoesWrong(set('marketplace-history'), 'kafka', allRuns());
    expect(only.comparedWith).toBeNull();
    expect(only.focus).toBe('all');
    for (const s of exercised(only.shown)) expect(s.best).toBeNull();
  });
});

describe('what the story cannot show', () => {
  it('says the story has no workers sharing jobs rather than showing an unrelated crash', () => {
    const w = whatGoesWrong(set('image-jobs'), 'kafka', allRuns());
    expect(w.focus).toBe('fails');
    expect(w.shown).toHaveLength(1);
    const [workers] = w.shown;
    expect(workers!.exercised).toBe(false);
    if (!workers!.exercised) expect(workers!.note).toMatch(/no run shows workers sharing jobs/);
  });

  it('warns that RabbitMQ’s run uses quorum queues, without the priorities the job queue needs', () => {
    const w = whatGoesWrong(set('image-jobs'), 'rabbitmq', allRuns());
    const dead = exercised(w.shown).find((s) => s.requirement.id === 'job-dead-letter')!;
    expect(dead.limits).toMatch(/quorum queues, which have no priorities in 3\.10/);
    expect(dead.pick.text).toContain('orders.dlx → billing.dead-letters');
  });
});
