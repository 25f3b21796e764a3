import { describe, expect, it } from 'vitest';
import { findBuiltin } from './content';
import { parseScenario } from './parse';

const valid = () => JSON.parse(JSON.stringify(findBuiltin('pubsub-basics')!));

const issuesOf = (mutate: (s: ReturnType<typeof valid>) => void) => {
  const s = valid();
  mutate(s);
  const r = parseScenario(s);
  return r.ok ? [] : r.issues;
};

describe('parseScenario', () => {
  it('accepts the built-in scenario', () => {
    expect(parseScenario(valid()).ok).toBe(true);
  });

  it('names the path of a missing field', () => {
    expect(issuesOf((s) => delete s.title)).toEqual([expect.objectContaining({ path: 'title' })]);
  });

  it('rejects unknown keys', () => {
    expect(issuesOf((s) => (s.steps[0].action.extra = 1))[0]?.path).toBe('steps[0].action');
  });

  it('rejects a wrong schema version', () => {
    expect(issuesOf((s) => (s.schemaVersion = 2))[0]?.path).toBe('schemaVersion');
  });

  it('rejects a reference to a topic that does not exist', () => {
    expect(issuesOf((s) => (s.steps[1].action.topic = 'nope'))).toEqual([
      { path: 'steps[1].action.topic', message: 'unknown topic "nope"' },
    ]);
  });

  it('checks a prediction on the diagram: its choices name partitions that exist', () => {
    const predict = (topic: string, partition: number) => (s: ReturnType<typeof valid>) => {
      s.steps[1].question = {
        id: 'predict-order-4',
        prompt: 'Where will order-4 land?',
        choices: [0, 1, 2].map((p) => ({
          id: `p${p}`,
          text: `Partition ${p}`,
          correct: p === 2,
          target: { topic, partition: p === 2 ? partition : p },
        })),
        explanation: 'toPositive(murmur2) mod 3.',
      };
    };
    expect(issuesOf(predict('orders', 2))).toEqual([]);
    expect(issuesOf(predict('orders', 7))).toEqual([
      {
        path: 'steps[1].question.choices[2].target.partition',
        message: 'partition 7 is out of range: topic "orders" has 3 partition(s) here',
      },
    ]);
    expect(issuesOf(predict('nope', 2))[0]?.path).toBe('steps[1].question.choices[0].target.topic');
  });

  it('rejects a partition out of range', () => {
    expect(issuesOf((s) => (s.steps[0].expect[0].partition = 3))).toEqual([
      {
        path: 'steps[0].expect[0].partition',
        message: 'partition 3 is out of range: topic "orders" has 3 partition(s) here',
      },
    ]);
  });

  it('rejects a poll by someone who is not a member', () => {
    expect(issuesOf((s) => (s.steps[4].action.member = 'ghost'))[0]?.path).toBe('steps[4].action.member');
  });

  it('rejects an event type that is not PascalCase', () => {
    expect(issuesOf((s) => (s.steps[0].action.event.eventType = 'order placed'))[0]?.path).toBe(
      'steps[0].action.event.eventType',
    );
  });

  it('rejects duplicate topic names', () => {
    expect(issuesOf((s) => s.topology.topics.push({ ...s.topology.topics[0] }))[0]?.path).toBe('topology.topics[1]');
  });
});
