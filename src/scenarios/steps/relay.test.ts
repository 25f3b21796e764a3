/**
 * The outbox relay never checkpoints past an event the broker refused (issue 13, point 4). Kafka
 * refuses a record without a key for a compacted topic (the broker's LogValidator rejects it with
 * InvalidRecordException: "Compacted topic cannot accept message without key"); a relay that moved
 * its checkpoint past it would silently lose that event — the one thing the outbox promises not to do.
 */
import { describe, expect, it } from 'vitest';
import * as broker from '../../engine/broker';
import { mustParseScenario } from '../parse';
import { Stepper } from '../stepper';

const register = (id: string, email?: string) => ({
  title: `register ${id}`,
  narration: '…',
  action: { kind: 'command', aggregate: 'Customer', id, command: 'Register', data: email ? { email } : {} },
});

const scenario = mustParseScenario({
  schemaVersion: 1,
  id: 'relay-refusal',
  title: 'Relay refusal',
  summary: 'The relay stops at an event the broker refuses.',
  level: 'advanced',
  concepts: ['outbox'],
  seed: 3,
  startTime: 0,
  stepMs: 1000,
  intro: { title: 'x', narration: 'x' },
  topology: {
    topics: [{ name: 'profiles', partitions: 1, cleanupPolicy: 'compact' }],
    producers: [],
    groups: [],
    aggregates: [
      {
        type: 'Customer',
        streamPrefix: 'customer-',
        version: 1,
        initial: 'none',
        commands: [
          {
            command: 'Register',
            when: ['none'],
            emit: [{ eventType: 'CustomerRegistered', data: { email: { ref: 'command.email' } } }],
          },
        ],
        evolve: [{ eventType: 'CustomerRegistered', to: 'registered' }],
      },
    ],
    // The record key is the e-mail: a customer registered without one gives a keyless record.
    relay: { auto: true, routes: [{ topic: 'profiles', key: { ref: 'event.data.email' } }] },
  },
  steps: [register('1', 'a@example.org'), register('2'), register('3', 'c@example.org')],
  takeaways: ['x'],
});

describe('relay: a refused event stops it (it is never skipped)', () => {
  const stepper = new Stepper(scenario, []);

  it('publishes what the broker accepts', () => {
    const w = stepper.at(1).world;
    expect(w.relay.position).toBe(1);
    expect(broker.recordsOf(w.broker, 'profiles', 0).map((r) => r.key)).toEqual(['a@example.org']);
  });

  it("stops at the refused event with the broker's reason; the checkpoint stays before it", () => {
    const { world, effects } = stepper.at(2);
    expect(world.relay.position).toBe(1);
    const stop = effects.find((e) => e.kind === 'request-rejected');
    expect(stop).toMatchObject({ request: 'relay-publish', target: 'CustomerRegistered at position 2' });
    expect(stop!.reason).toMatch(
      /^the relay stopped at CustomerRegistered \(position 2\): the broker refused it \(.+\)\. Its checkpoint stays at 1, so the event is not lost/,
    );
  });

  it('tries it again on its next run and publishes nothing after it (head-of-line), never losing it', () => {
    const { world, effects } = stepper.at(3);
    expect(world.relay.position).toBe(1);
    expect(effects.filter((e) => e.kind === 'request-rejected')).toHaveLength(1);
    expect(effects.some((e) => e.kind === 'event-relayed')).toBe(false);
    expect(broker.recordsOf(world.broker, 'profiles', 0)).toHaveLength(1);
  });
});
