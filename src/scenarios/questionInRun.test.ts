/**
 * A script question is asked in a run only where it is true of that run (issue: a branch asked "the warehouse
 * shipped order 1001 a step ago" after the warehouse had left its group, and marked "1001 shows as shipped"
 * correct while the table said paid). Over every built-in, for each action Change the story offers and each fault
 * the failure lab offers, at a few steps: a question is asked only if its step and the next played out exactly
 * as in the original (checked here from the effects themselves, not through the code under test).
 */
import { describe, expect, it } from 'vitest';
import type { Effect, LearnerInput } from '../engine/types';
import { allBuiltins, findBuiltin } from './content';
import { FAULTS, faultAvailability } from './faults/availability';
import { faultInputFor } from './faults/faultInputs.testkit';
import { withoutIds } from './plainWords';
import { questionInRun } from './questionInRun';
import { Stepper } from './stepper';
import type { World } from './world';

/** What Change the story offers at a step (LearnerActions.tsx), with the first choice of each field. */
function storyChangesAt(world: World, atStep: number): LearnerInput[] {
  const topic = Object.keys(world.broker.topics).find((t) => !t.endsWith('.DLT'));
  if (!topic) return [];
  const out: LearnerInput[] = [
    { kind: 'produce', atStep, topic, key: 'learner-1', value: 'hello' },
    { kind: 'add-partitions', atStep, topic, count: world.broker.topics[topic]!.partitions.length + 1 },
  ];
  const group = Object.values(world.broker.groups)[0];
  if (group) {
    const member = Object.keys(group.members).sort()[0];
    out.push({ kind: 'add-consumer', atStep, groupId: group.groupId, memberId: `${group.groupId}-new-1` });
    if (member) out.push({ kind: 'remove-consumer', atStep, groupId: group.groupId, memberId: member });
    const reset = Object.keys(group.committed ?? {})[0]?.split(':')[0] ?? topic;
    out.push({ kind: 'reset-group', atStep, groupId: group.groupId, topic: reset, to: 'earliest' });
  }
  return out;
}

/** A step's effects in plain terms: kind, words (ids aside) and the place a record had. */
const plain = (effects: readonly Effect[]) =>
  effects.map((e) => {
    const r = e as unknown as Record<string, unknown>;
    return `${e.kind}|${withoutIds(e.reason)}|${String(r.topic)}-${String(r.partition)}@${String(r.offset)}`;
  });

describe('a script question in a run whose story differs', () => {
  let asked = 0;
  let notAsked = 0;
  for (const s of allBuiltins()) {
    const questions = s.steps.flatMap((st, i) => (st.question ? [i] : []));
    if (questions.length === 0) continue;
    it(`${s.id}: asked only where its step and the next played out as in the original`, { timeout: 120_000 }, () => {
      const original = new Stepper(s, []);
      const n = s.steps.length;
      for (const at of [...new Set([1, Math.floor(n / 3), Math.floor((2 * n) / 3)])]) {
        const world = original.at(at).world;
        const availability = faultAvailability(s, world);
        const faults = FAULTS.filter((f) => availability[f] === null).map((f) =>
          faultInputFor(
            f,
            world,
            (s.topology.projections ?? []).map((p) => p.name),
            at,
          ),
        );
        for (const input of [...storyChangesAt(world, at), ...faults]) {
          if (!input) continue;
          const run = new Stepper(s, [input]);
          for (let k = 1; k <= run.lastStep; k++) {
            const entry = run.entries[k - 1]!;
            const found = questionInRun(run, k);
            if (entry.kind !== 'script' || !entry.step.question) {
              expect(found).toBeNull();
              continue;
            }
            expect(found?.question).toBe(entry.step.question);
            const next = run.entries[k];
            const same =
              plain(run.at(k).effects).join('\n') === plain(original.at(entry.index + 1).effects).join('\n') &&
              (next === undefined ||
                (next.kind === 'script' &&
                  plain(run.at(k + 1).effects).join('\n') === plain(original.at(next.index + 1).effects).join('\n')));
            const what = `${input.kind} at ${at}, step ${k}`;
            if (found!.asked) {
              asked++;
              expect(same, `${what}: asked, though its story went differently`).toBe(true);
            } else {
              notAsked++;
              expect(found).toMatchObject({ of: 'original' });
              // Not asked only from the step the learner acted at (its answer would come after the action) on.
              expect(k, what).toBeGreaterThanOrEqual(at);
            }
          }
        }
      }
    });
  }
  it('both happen: questions kept where the story held and dropped where it did not', () => {
    expect(asked).toBeGreaterThan(0);
    expect(notAsked).toBeGreaterThan(0);
  });
});

describe('the walkthrough’s branch of CQRS orders', () => {
  const s = findBuiltin('cqrs-orders')!;
  const branch = new Stepper(s, [
    { kind: 'remove-consumer', atStep: 4, groupId: 'warehouse', memberId: 'warehouse-1' },
  ]);

  it('does not ask "the warehouse shipped order 1001 a step ago": it never shipped it', () => {
    expect(branch.at(10).narration.title).toBe('In the original: Grace cancels');
    expect(questionInRun(branch, 10)).toMatchObject({ asked: false, of: 'original' });
    // Every question of the main run is asked there.
    const main = new Stepper(s, []);
    for (let k = 1; k <= main.lastStep; k++) expect(questionInRun(main, k)?.asked ?? true).toBe(true);
  });

  it('tells step 9 from what happened, led by the refusal and the command that never came', () => {
    const { narration } = branch.at(9);
    expect(narration.title).toBe('In the original: The warehouse ships the paid order');
    expect(narration.text).toMatch(/^Here, unlike in the original: warehouse-1 is not a member of group 'warehouse'/);
    expect(narration.text).toMatch(/this did not happen here: Order 1001 accepted ShipOrder/);
    const diffs = narration.original!.differences.map((d) => d.original);
    expect(diffs.some((d) => /ShipOrder/.test(d))).toBe(true);
    expect(diffs.some((d) => /OrderShipped stored/.test(d))).toBe(true);
    expect(diffs.some((d) => /no committed offset/.test(d))).toBe(false);
  });

  it('tells step 8 from this run too: the same refusal, but on a system whose warehouse group is empty', () => {
    const { narration } = branch.at(8);
    expect(narration.title).toBe(`In the original: ${s.steps[6]!.title}`);
    expect(narration.text).toMatch(
      /^This step did what it did in the original, on a system earlier steps had changed:/,
    );
    expect(narration.original!.differences).toContainEqual({
      original: 'warehouse has warehouse-1.',
      here: 'warehouse has no members.',
    });
  });
});

describe('a step that played out as in the original', () => {
  it('keeps its authored text, and its question is asked', () => {
    const s = findBuiltin('pubsub-basics')!;
    const at = 6;
    const world = new Stepper(s, []).at(at).world;
    const group = Object.values(world.broker.groups).find((g) => Object.keys(g.members).length > 0)!;
    const memberId = Object.keys(group.members)[0]!;
    const run = new Stepper(s, [{ kind: 'pause-consumer', atStep: at, groupId: group.groupId, memberId, steps: 2 }]);
    const same = Array.from({ length: run.lastStep - at - 1 }, (_, i) => at + 2 + i).filter((k) =>
      run.playedAsWritten(k),
    );
    expect(same.length).toBeGreaterThan(0);
    for (const k of same) {
      const entry = run.entries[k - 1]!;
      if (entry.kind !== 'script') throw new Error('a learner step never plays as written');
      expect(run.at(k).narration).toEqual({ title: entry.step.title, text: entry.step.narration, generated: false });
    }
  });
});
