import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../engine/types';
import { findBuiltin } from './content';
import { forkScenario } from './fork';
import { parseScenario } from './parse';
import { Stepper } from './stepper';

const scenario = findBuiltin('pubsub-basics')!;

describe('fork', () => {
  it('turns a run with learner actions into a valid scenario that replays to the same world', () => {
    const inputs: LearnerInput[] = [
      { kind: 'produce', atStep: 2, topic: 'orders', key: 'my key!', value: 'hi' },
      { kind: 'answer', atStep: 3, questionId: 'q', answer: 'a' },
      { kind: 'crash-consumer', atStep: 5, groupId: 'billing', memberId: 'billing-2' },
    ];
    const run = new Stepper(scenario, inputs);
    const fork = forkScenario(scenario, inputs, 7, { id: 'fork-1', title: 'Mine' });
    const parsed = parseScenario(JSON.parse(JSON.stringify(fork)));
    expect(parsed.ok ? 'valid' : parsed.issues).toBe('valid');
    expect(fork.steps).toHaveLength(7);
    expect(fork.steps[2]!.action).toMatchObject({
      kind: 'publish',
      producer: 'learner',
      event: { key: 'my key!', streamId: 'learner-my_key_' },
    });
    const replay = new Stepper(fork, []);
    for (let k = 0; k <= 7; k++)
      expect(JSON.stringify(replay.at(k).world.broker)).toBe(JSON.stringify(run.at(k).world.broker));
    expect(replay.at(7).world.log.events.map((e) => e.eventId)).toEqual(
      run.at(7).world.log.events.map((e) => e.eventId),
    );
  });

  it('keeps expectations only up to the first learner action', () => {
    const fork = forkScenario(scenario, [{ kind: 'add-consumer', atStep: 4, groupId: 'billing', memberId: 'x' }], 8, {
      id: 'f',
      title: 'F',
    });
    expect(fork.steps[0]!.expect).toBeDefined();
    expect(fork.steps.slice(5).every((s) => s.expect === undefined)).toBe(true);
  });

  it('a fork at step 0 still has a step to start from', () => {
    const fork = forkScenario(scenario, [], 0, { id: 'f0', title: 'Blank' });
    expect(parseScenario(JSON.parse(JSON.stringify(fork))).ok).toBe(true);
    expect(fork.steps[0]!.action.kind).toBe('note');
  });
});
