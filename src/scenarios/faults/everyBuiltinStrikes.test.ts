import { describe, expect, it } from 'vitest';
import type { Effect, LearnerInput } from '../../engine/types';
import { allBuiltins } from '../content';
import { Stepper } from '../stepper';
import { faultAvailability } from './availability';
import { memberKey } from './faultState';
import { noLaterPoll, type PollFaultName } from './laterPolls';
import { whyPoisonNeverFails } from './poisonReach';

/** Each fault that acts at a member's polls, the input the panel sends for it, and the fault its strike names. */
const POLL_FAULTS: readonly { name: PollFaultName; fault: string; input(who: Who, atStep: number): LearnerInput }[] = [
  {
    name: 'Crash consumer',
    fault: 'crash-consumer',
    input: (who, atStep) => ({ kind: 'crash-consumer-before-commit', atStep, ...who }),
  },
  {
    name: 'Pause consumer',
    fault: 'pause-consumer',
    input: (who, atStep) => ({ kind: 'pause-consumer', atStep, ...who, steps: 3 }),
  },
  {
    name: 'Slow consumer',
    fault: 'slow-consumer',
    input: (who, atStep) => ({ kind: 'slow-consumer', atStep, ...who, processingMs: 600_000 }),
  },
  {
    name: 'Duplicate delivery',
    fault: 'duplicate-delivery',
    input: (who, atStep) => ({ kind: 'duplicate-delivery', atStep, ...who }),
  },
];
type Who = { groupId: string; memberId: string };

/** The steps after the fault's own (a learner input at `at` plays as step at + 1) with an effect matching `hit`. */
function laterStepsWhere(run: Stepper, at: number, hit: (e: Effect) => boolean): number[] {
  const steps: number[] = [];
  for (let k = at + 2; k <= run.lastStep; k++) if (run.at(k).effects.some(hit)) steps.push(k);
  return steps;
}

describe('a consumer fault offered in the panel strikes, or the panel says it never would', () => {
  for (const scenario of allBuiltins()) {
    it(`${scenario.id}: every member, every fault at its polls, at two steps`, () => {
      // A third and two thirds into the story: members come and go, and fewer polls lie ahead later.
      for (const at of [Math.floor(scenario.steps.length / 3), Math.floor((2 * scenario.steps.length) / 3)]) {
        const world = new Stepper(scenario, []).at(at).world;
        const availability = faultAvailability(scenario, world);
        const members = Object.values(world.broker.groups).flatMap((g) =>
          Object.keys(g.members).map((memberId) => ({ groupId: g.groupId, memberId })),
        );
        for (const who of members)
          for (const f of POLL_FAULTS) {
            if (availability[f.name] !== null) continue;
            // No learner inputs before `at`: the run has played `at` script steps.
            const why = noLaterPoll(f.name, scenario, at, who.groupId, who.memberId);
            const run = new Stepper(scenario, [f.input(who, at)]);
            const struck = laterStepsWhere(
              run,
              at,
              (e) =>
                e.kind === 'fault-injected' && e.fault === f.fault && e.target === memberKey(who.groupId, who.memberId),
            );
            const label = `${f.name} on ${who.groupId}/${who.memberId} at step ${at}`;
            if (why === null) expect(struck.length, `${label} strikes`).toBeGreaterThan(0);
            else {
              expect(why, label).toMatch(/does not poll again in this story/);
              expect(struck, `${label}: the panel said it never would`).toEqual([]);
            }
          }
      }
    });
  }
});

describe('a poison message offered in the panel fails in a later poll, or the panel says it never would', () => {
  for (const scenario of allBuiltins()) {
    it(`${scenario.id}: every topic the form lists, at two steps`, () => {
      for (const at of [Math.floor(scenario.steps.length / 3), Math.floor((2 * scenario.steps.length) / 3)]) {
        const world = new Stepper(scenario, []).at(at).world;
        if (faultAvailability(scenario, world)['Poison message'] !== null) continue;
        // The topics the poison form lists (PoisonForm.tsx): every topic but the dead-letter ones.
        for (const topic of Object.keys(world.broker.topics).filter((t) => !t.endsWith('.DLT'))) {
          const poison = { kind: 'poison-message', atStep: at, topic, key: 'poison-1' } as const;
          // No learner inputs before `at`: the run has played `at` script steps, and the branch is the poison alone.
          const why = whyPoisonNeverFails(scenario, world, at, [poison], poison);
          // Told apart from the panel's answer: a fresh run of the whole branch, from step 0.
          const run = new Stepper(scenario, [poison]);
          const fault = run.at(at + 1).effects.find((e) => e.kind === 'fault-injected');
          const failed = laterStepsWhere(
            run,
            at,
            (e) =>
              e.kind === 'processing-failed' &&
              fault?.kind === 'fault-injected' &&
              fault.target === `${e.topic}-${e.partition}@${e.offset}`,
          );
          const label = `Poison message on ${topic} at step ${at}`;
          if (why === null) expect(failed.length, `${label} fails in a later poll`).toBeGreaterThan(0);
          else {
            expect(why, label).toMatch(/never/);
            expect(failed, `${label}: the panel said it never would`).toEqual([]);
          }
        }
      }
    });
  }
});
