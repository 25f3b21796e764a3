import { describe, expect, it } from 'vitest';
import { targetKind } from './choiceTargets';
import { findBuiltin } from './content';
import { parseScenario } from './parse';

type Draft = { steps: { question?: unknown }[] };
const copy = (id: string): Draft => JSON.parse(JSON.stringify(findBuiltin(id)!));

/** Step 1 of the scenario asks a prediction whose two choices have these targets. */
const issuesWith = (id: string, targets: unknown[]) => {
  const s = copy(id);
  s.steps[1]!.question = {
    id: 'predict-here',
    prompt: 'What will happen next?',
    choices: targets.map((target, i) => ({ id: `c${i}`, text: `Choice ${i}`, correct: i === 0, target })),
    explanation: 'Because.',
  };
  const r = parseScenario(s);
  return r.ok ? [] : r.issues;
};

describe('choice targets', () => {
  it('accepts the four kinds and tells them apart by their fields', () => {
    expect(
      issuesWith('pubsub-basics', [
        { topic: 'orders', partition: 0 },
        { topic: 'orders', partition: 1 },
      ]),
    ).toEqual([]);
    expect(
      issuesWith('pubsub-basics', [
        { topic: 'orders', partition: 0, offset: 0 },
        { topic: 'orders', partition: 0, offset: 1 },
      ]),
    ).toEqual([]);
    expect(
      issuesWith('pubsub-basics', [
        { group: 'billing', member: 'billing-1' },
        { group: 'billing', member: 'billing-2' },
      ]),
    ).toEqual([]);
    expect(
      issuesWith('cqrs-orders', [
        { readModel: 'order-history', row: 'order-1' },
        { readModel: 'inventory', row: 'sku-1' },
      ]),
    ).toEqual([]);
    expect(targetKind({ topic: 'a', partition: 0 })).toBe('partition');
    expect(targetKind({ topic: 'a', partition: 0, offset: 2 })).toBe('offset');
    expect(targetKind({ group: 'g', member: 'm' })).toBe('member');
    expect(targetKind({ readModel: 'r', row: 'k' })).toBe('row');
  });

  it('refuses a target that mixes kinds or has a stray field', () => {
    const issues = issuesWith('pubsub-basics', [
      { topic: 'orders', partition: 0, member: 'billing-1' },
      { topic: 'orders', partition: 1 },
    ]);
    expect(issues[0]?.path).toBe('steps[1].question.choices[0].target');
  });

  it('refuses a target naming something the scenario does not have, saying what', () => {
    expect(
      issuesWith('pubsub-basics', [
        { topic: 'nope', partition: 0, offset: 1 },
        { topic: 'orders', partition: 0 },
      ]),
    ).toEqual([{ path: 'steps[1].question.choices[0].target.topic', message: 'unknown topic "nope"' }]);
    expect(
      issuesWith('pubsub-basics', [
        { group: 'payments', member: 'billing-1' },
        { group: 'billing', member: 'billing-9' },
      ]),
    ).toEqual([
      { path: 'steps[1].question.choices[0].target.group', message: 'unknown consumer group "payments"' },
      {
        path: 'steps[1].question.choices[1].target.member',
        message: '"billing-9" is not a member of group "billing" at this step',
      },
    ]);
    expect(
      issuesWith('cqrs-orders', [
        { readModel: 'order-histories', row: 'order-1' },
        { readModel: 'inventory', row: 'sku-1' },
      ]),
    ).toEqual([
      { path: 'steps[1].question.choices[0].target.readModel', message: 'unknown read model "order-histories"' },
    ]);
    expect(
      issuesWith('pubsub-basics', [
        { topic: 'orders', partition: 3, offset: 0 },
        { topic: 'orders', partition: 0 },
      ]),
    ).toEqual([
      {
        path: 'steps[1].question.choices[0].target.partition',
        message: 'partition 3 is out of range: topic "orders" has 3 partition(s) here',
      },
    ]);
  });
});
