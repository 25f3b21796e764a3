import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parse';
import type { ScenarioDef, StepDef } from '../schema';
import { Stepper } from '../stepper';

const saga = {
  id: 'pay',
  title: 'Pay',
  initial: 'charging',
  states: {
    charging: {
      entry: [{ command: 'ChargeCard', to: 'payments' }],
      on: { CardCharged: 'done' },
      after: { ms: 10_000, target: 'refunding' },
    },
    refunding: { entry: [{ command: 'Refund', to: 'payments' }], on: { Refunded: 'undone' } },
    done: { type: 'final', outcome: 'completed' },
    undone: { type: 'final', outcome: 'compensated' },
  },
};

const scenario = (steps: StepDef[], sagas: unknown[] = [saga]) => ({
  schemaVersion: 1,
  id: 'saga-test',
  title: 'Saga test',
  summary: 'Sagas in the stepper.',
  level: 'advanced',
  concepts: ['saga'],
  seed: 1,
  startTime: 1_000_000,
  stepMs: 1000,
  intro: { title: 'Intro', narration: 'One orchestrator.' },
  topology: { topics: [], producers: [], groups: [], sagas },
  steps,
  takeaways: ['Sagas.'],
});

const step = (action: StepDef['action']): StepDef => ({ title: action.kind, narration: 'n', action });
const parse = (doc: unknown) => parseScenario(doc);
const parsed = (doc: unknown): ScenarioDef => {
  const r = parse(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
};

describe('sagas in a scenario', () => {
  it('a timeout fires as time passes: advance-time, then the orchestrator’s advanceTo after the step', () => {
    const s = parsed(
      scenario([
        step({ kind: 'start-saga', saga: 'pay', instance: 'r1' }),
        step({ kind: 'advance-time', ms: 8_000 }),
        step({ kind: 'advance-time', ms: 5_000 }),
      ]),
    );
    const st = new Stepper(s, []);
    expect(st.at(2).world.sagas?.pay?.instances.r1?.state).toBe('charging');
    const r = st.at(3);
    expect(r.world.sagas?.pay?.instances.r1).toMatchObject({
      state: 'refunding',
      enteredAt: 1_000_000 + 1000 + 10_000,
    });
    expect(r.effects.filter((e) => e.kind === 'saga-timed-out')).toHaveLength(1);
  });

  it('a crashed orchestrator is rebuilt from its stored events, and the expectation reads it while it is down', () => {
    const s = parsed(
      scenario([
        step({ kind: 'start-saga', saga: 'pay', instance: 'r1' }),
        {
          ...step({ kind: 'crash-orchestrator', saga: 'pay' }),
          expect: [{ kind: 'saga', saga: 'pay', instance: 'r1', state: 'charging', storedEvents: 1 }],
        },
        step({ kind: 'restart-orchestrator', saga: 'pay' }),
        step({ kind: 'saga-reply', saga: 'pay', instance: 'r1', eventType: 'CardCharged' }),
      ]),
    );
    const st = new Stepper(s, []);
    expect(st.at(2).world.sagas?.pay?.up).toBe(false);
    expect(st.at(3).effects.map((e) => e.kind)).toEqual(['saga-resumed', 'saga-command-sent']);
    expect(st.at(4).world.sagas?.pay?.instances.r1?.outcome).toBe('completed');
  });

  it('names what is wrong: an unknown saga, a target that is not a state', () => {
    const unknown = parse(scenario([step({ kind: 'start-saga', saga: 'nope', instance: 'r1' })]));
    expect(!unknown.ok && unknown.issues.map((i) => i.path)).toEqual(['steps[0].action.saga']);
    const broken = parse(
      scenario([step({ kind: 'note' })], [{ ...saga, states: { ...saga.states, done: { on: { X: 'missing' } } } }]),
    );
    expect(!broken.ok && broken.issues.map((i) => i.message).join('\n')).toContain('goes to "missing"');
  });
});
