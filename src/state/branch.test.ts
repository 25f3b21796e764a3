import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../engine/types';
import { findBuiltin } from '../scenarios/content';
import { Stepper } from '../scenarios/stepper';
import { branchInputs, isWellFormedKey } from './branch';

const scenario = findBuiltin('pubsub-basics')!;

describe('branches', () => {
  it('keep the parent up to the branch step, then the action', () => {
    const parent: LearnerInput[] = [
      { kind: 'produce', atStep: 1, topic: 'orders', key: 'a', value: 1 },
      { kind: 'answer', atStep: 3, questionId: 'q', answer: 'x' },
      { kind: 'produce', atStep: 5, topic: 'orders', key: 'b', value: 2 },
    ];
    const action: LearnerInput = { kind: 'crash-consumer', atStep: 0, groupId: 'billing', memberId: 'billing-1' };
    expect(branchInputs(parent, 4, action)).toEqual([parent[0], parent[1], { ...action, atStep: 4 }]);
  });

  it('leave the parent run untouched and agree with it up to the branch step', () => {
    const parent = new Stepper(scenario, []);
    const before = JSON.stringify(parent.at(6));
    const branch = new Stepper(
      scenario,
      branchInputs([], 4, { kind: 'produce', atStep: 0, topic: 'orders', key: 'mine', value: 'hello' }),
    );
    for (let k = 0; k <= 4; k++) expect(JSON.stringify(branch.at(k).world)).toBe(JSON.stringify(parent.at(k).world));
    const mine = branch.at(5);
    expect(mine.narration).toMatchObject({ generated: true, title: 'You produced a record with key "mine"' });
    expect(mine.effects.some((e) => e.kind === 'record-appended' && e.key === 'mine')).toBe(true);
    // The script continues after the action, one step later than in the parent (its heading the original's, as the
    // extra record changed the story).
    expect(branch.at(6).narration.title).toBe(`In the original: ${parent.at(5).narration.title}`);
    expect(branch.lastStep).toBe(parent.lastStep + 1);
    expect(JSON.stringify(parent.at(6))).toBe(before);
  });

  it('detects keys Java and JavaScript would encode differently', () => {
    expect(isWellFormedKey('ride-42')).toBe(true);
    expect(isWellFormedKey('😀')).toBe(true);
    expect(isWellFormedKey('\ud83d')).toBe(false);
    expect(isWellFormedKey('a\udc00b')).toBe(false);
  });
});
