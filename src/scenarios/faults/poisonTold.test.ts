/**
 * A poison message's own step says what each group that reads its topic will do with it in the story on screen: it
 * counts that group's later polls (one attempt each) and says so when the story never polls the group again, instead
 * of promising retries "at every poll" that never come.
 */
import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../../engine/types';
import { allBuiltins, findBuiltin } from '../content';
import type { ScenarioDef } from '../schema';
import { Stepper } from '../stepper';
import { faultAvailability } from './availability';

/** The poison step's sentence in a run with `inputs` (the poison last), at run step `k`. */
function told(scenario: ScenarioDef, inputs: readonly LearnerInput[], k: number): { run: Stepper; reason: string } {
  const run = new Stepper(scenario, inputs);
  const note = run.at(k).effects.find((e) => e.kind === 'fault-injected' && e.fault === 'poison-message');
  if (note?.kind !== 'fault-injected') throw new Error(`no poison at step ${k} of ${scenario.id}`);
  return { run, reason: note.reason };
}

/** The script `poll` steps of `groupId` the run plays after step `k`, read from its timeline. */
const pollsAfter = (run: Stepper, k: number, groupId: string) =>
  run.entries
    .slice(k)
    .filter((e) => e.kind === 'script' && e.step.action.kind === 'poll' && e.step.action.group === groupId).length;

describe('the poison step says what each reading group will do with the record, in this story', () => {
  for (const scenario of allBuiltins()) {
    it(`${scenario.id}: every topic, a third and two thirds into the story`, () => {
      for (const at of [Math.floor(scenario.steps.length / 3), Math.floor((2 * scenario.steps.length) / 3)]) {
        const world = new Stepper(scenario, []).at(at).world;
        if (faultAvailability(scenario, world)['Poison message'] !== null) continue;
        for (const topic of Object.keys(world.broker.topics).filter((t) => !t.endsWith('.DLT'))) {
          const { run, reason } = told(
            scenario,
            [{ kind: 'poison-message', atStep: at, topic, key: 'poison-1' }],
            at + 1,
          );
          const label = `${scenario.id}, ${topic} at step ${at}: ${reason}`;
          expect(reason, label).not.toMatch(/every poll/);
          for (const g of Object.values(world.broker.groups).filter((x) => x.topics.includes(topic))) {
            const n = pollsAfter(run, at + 1, g.groupId);
            if (n === 0) expect(reason, label).toMatch(new RegExp(`${g.groupId} reads ${topic}, but .*never`));
            else expect(reason, label).toContain(`this story polls ${g.groupId} ${n} more time${n === 1 ? '' : 's'}`);
          }
        }
      }
    });
  }
});

describe('its words, counted from the script steps the run has played', () => {
  const rideSharing = findBuiltin('ride-sharing')!;

  it('a group polled again, and one the story never polls again', () => {
    // After script step 17 only notifications (18) and analytics (19) poll rides again; payments' route has 3 attempts.
    const { reason } = told(rideSharing, [{ kind: 'poison-message', atStep: 17, topic: 'rides', key: '42' }], 18);
    expect(reason).toContain(
      'matching reads rides, but no later step of this story polls it, so it never fetches this record',
    );
    expect(reason).toMatch(/notifications .*this story polls notifications 1 more time/);
    expect(reason).toMatch(/analytics .*this story polls analytics 1 more time/);
  });

  it('a dead-letter route: after its attempts, or the story ends first', () => {
    // Delivery guarantees: fulfilment dead-letters to orders.DLT after 2 attempts; it polls at 13, 14, 16 and 17.
    const dg = findBuiltin('delivery-guarantees')!;
    const at = (k: number) =>
      told(dg, [{ kind: 'poison-message', atStep: k, topic: 'orders', key: '1' }], k + 1).reason;
    expect(at(12)).toContain(
      'fulfilment would try it once at each poll that fetches it and send it to its dead-letter topic orders.DLT after 2 attempts — this story polls fulfilment 4 more times',
    );
    expect(at(16)).toContain(
      'fulfilment would try it once at each poll that fetches it and send it to its dead-letter topic orders.DLT after 2 attempts, but this story polls fulfilment 1 more time, so it cannot give up on it before the story ends',
    );
  });

  it('a learner input earlier in the branch is a step, not a script step', () => {
    // A pause at step 5 is run step 6, so the poison armed on run step 18 follows script step 16: payments polls at 17.
    const pause = { kind: 'pause-consumer', atStep: 5, groupId: 'pricing', memberId: 'pricing-1', steps: 1 } as const;
    const poison = { kind: 'poison-message', atStep: 17, topic: 'rides', key: '42' } as const;
    const { run, reason } = told(rideSharing, [pause, poison], 18);
    expect(reason).toContain(`this story polls payments ${pollsAfter(run, 18, 'payments')} more time`);
    expect(pollsAfter(run, 18, 'payments')).toBe(1);
  });
});
