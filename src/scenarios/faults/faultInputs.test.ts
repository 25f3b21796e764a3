import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../../engine/types';
import { findBuiltin } from '../content';
import { forkScenario } from '../fork';
import { LearnerInputSchema, LearnerInputsSchema } from '../learnerInput';
import { Stepper } from '../stepper';
import { faultAvailability } from './availability';
import { isFault } from './describe';

const every: LearnerInput[] = [
  { kind: 'crash-consumer-before-commit', atStep: 4, groupId: 'billing', memberId: 'billing-1' },
  { kind: 'pause-consumer', atStep: 4, groupId: 'billing', memberId: 'billing-1', steps: 3 },
  { kind: 'slow-consumer', atStep: 4, groupId: 'billing', memberId: 'billing-1', processingMs: 600_000 },
  { kind: 'poison-message', atStep: 4, topic: 'orders', key: null },
  { kind: 'duplicate-delivery', atStep: 4, groupId: 'billing', memberId: 'billing-1' },
  { kind: 'drop-producer-connection', atStep: 4, producerId: 'checkout' },
  { kind: 'slow-projection', atStep: 4, projection: 'trip-status', lagMs: 5000, steps: 2 },
];

describe('stored and shared fault inputs', () => {
  it('every fault kind round-trips through the schema, next to the older kinds', () => {
    const old: LearnerInput[] = [
      { kind: 'crash-consumer', atStep: 1, groupId: 'billing', memberId: 'billing-1' },
      { kind: 'produce', atStep: 2, topic: 'orders', key: 'k', value: 'v' },
    ];
    expect(LearnerInputsSchema.parse([...old, ...every])).toEqual([...old, ...every]);
  });

  it('refuses durations that could stall the stepper and fields it does not know', () => {
    const pause = every[1]!;
    expect(LearnerInputSchema.safeParse({ ...pause, steps: 0 }).success).toBe(false);
    expect(LearnerInputSchema.safeParse({ ...pause, steps: 1e9 }).success).toBe(false);
    expect(LearnerInputSchema.safeParse({ ...every[2]!, processingMs: 1e12 }).success).toBe(false);
    expect(LearnerInputSchema.safeParse({ ...every[0]!, extra: 1 }).success).toBe(false);
  });

  it('each fault step is titled from the learner’s side', () => {
    for (const input of every.filter((i) => i.kind !== 'slow-projection')) {
      const r = new Stepper(findBuiltin('pubsub-basics')!, [input]).at(5);
      expect(r.narration.generated).toBe(true);
      expect(r.narration.title).toMatch(/^You /);
    }
    expect(every.every(isFault)).toBe(true);
  });

  it('a fork keeps a fault as a note that says the fork goes on without it', () => {
    const scenario = findBuiltin('pubsub-basics')!;
    const fork = forkScenario(scenario, [every[1]!], 6, { id: 'my-fork', title: 'Mine' });
    const step = fork.steps[4]!;
    expect(step.action.kind).toBe('note');
    expect(step.narration).toMatch(/cannot express faults as steps/);
  });
});

describe('which faults apply where', () => {
  it('pub/sub basics at step 4: consumer faults and the producer apply; no read model; one broker without replicas', () => {
    const s = findBuiltin('pubsub-basics')!;
    const a = faultAvailability(s, new Stepper(s, []).at(4).world);
    for (const f of [
      'Crash consumer',
      'Pause consumer',
      'Slow consumer',
      'Poison message',
      'Duplicate delivery',
    ] as const)
      expect(a[f]).toBeNull();
    expect(a['Drop producer connection']).toBeNull();
    expect(a['Slow projection']).toMatch(/no read model/);
    expect(a['Kill broker']).toMatch(/^This scenario models one broker without replicas;/);
    expect(a['Restart broker']).toMatch(/^This scenario models one broker without replicas;/);
  });

  it('at step 0 no producer has sent yet, so there is no connection to drop', () => {
    const s = findBuiltin('pubsub-basics')!;
    expect(faultAvailability(s, new Stepper(s, []).at(0).world)['Drop producer connection']).toMatch(/No producer/);
  });

  it('an event store only scenario: no consumer, no topic, no broker — only the projection can be slowed', () => {
    const s = findBuiltin('event-sourcing')!;
    const a = faultAvailability(s, new Stepper(s, []).at(1).world);
    expect(a['Crash consumer']).toMatch(/no consumer group/);
    expect(a['Poison message']).toMatch(/no Kafka topic/);
    expect(a['Drop producer connection']).toMatch(/no Kafka broker/);
    expect(a['Kill broker']).toMatch(/no Kafka broker/);
    expect(a['Slow projection']).toBeNull();
  });
});
