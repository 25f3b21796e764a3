import { describe, expect, it } from 'vitest';
import { compileScenario } from '../compiledScenario';
import { failedExpectations } from '../expectations';
import { parseScenario } from '../parse';
import type { ScenarioDef, StepDef } from '../schema';
import { Stepper } from '../stepper';

const scenario = (
  steps: StepDef[],
  replication: unknown = { topics: [{ name: 'pay', replicationFactor: 3, minInsyncReplicas: 2 }] },
) => ({
  schemaVersion: 1,
  id: 'replication-test',
  title: 'Replication test',
  summary: 'Replicated topics in the stepper.',
  level: 'advanced',
  concepts: ['replication'],
  seed: 1,
  startTime: 1_000_000,
  stepMs: 1000,
  intro: { title: 'Intro', narration: 'Three brokers.' },
  topology: { topics: [], producers: [], groups: [], replication },
  steps,
  takeaways: ['Replicas.'],
});

const step = (action: StepDef['action']): StepDef => ({ title: action.kind, narration: 'n', action });
const parsed = (doc: unknown): ScenarioDef => {
  const r = parseScenario(doc);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
};

describe('replicated topics in a scenario', () => {
  it('creates the cluster at step 0: three brokers, every replica in sync', () => {
    const s = parsed(scenario([step({ kind: 'note' })]));
    const w = new Stepper(s, []).at(0).world;
    expect(w.replication?.partitions['pay-0']).toMatchObject({ leader: 1, isr: [1, 2, 3], replicas: [1, 2, 3] });
  });

  it('time passing (advance-time) shrinks the ISR after replica.lag.time.max.ms, through the model’s tick', () => {
    const s = parsed(
      scenario([
        step({ kind: 'produce', producer: 'p', topic: 'pay', value: 'a', acks: 1 }),
        step({ kind: 'follower-fetch', topic: 'pay', broker: 2 }),
        step({ kind: 'follower-fetch', topic: 'pay', broker: 2 }),
        step({ kind: 'advance-time', ms: 25_000 }),
        step({ kind: 'advance-time', ms: 2_000 }),
      ]),
    );
    const st = new Stepper(s, []);
    const rt = compileScenario(s);
    const isr = (k: number) => st.at(k).world.replication!.partitions['pay-0']!.isr;
    expect(isr(4)).toEqual([1, 2, 3]);
    // Broker 3 last had the leader's log end when the topic was created (t = 0): at t = 29 s it is still in
    // sync, at t = 32 s it has been behind for more than 30 s.
    expect(isr(5)).toEqual([1, 2]);
    expect(st.at(5).effects.map((e) => e.kind)).toContain('isr-shrunk');
    expect(
      failedExpectations(
        st.at(5).world,
        [{ kind: 'partition-replicas', topic: 'pay', partition: 0, leader: 1, isr: [2, 1], highWatermark: 1 }],
        rt,
      ),
    ).toEqual([]);
    expect(
      failedExpectations(
        st.at(5).world,
        [{ kind: 'replica-log', topic: 'pay', partition: 0, broker: 3, values: ['a'] }],
        rt,
      ),
    ).toEqual([`broker 3's copy of pay-0 holds [], expected ["a"]`]);
  });

  it('refuses names the cluster lacks: an unknown replicated topic, a broker out of range, a clash with a topic', () => {
    const r = parseScenario(
      scenario([
        step({ kind: 'produce', producer: 'p', topic: 'nope', value: 'a', acks: 'all' }),
        step({ kind: 'crash-broker', broker: 4 }),
      ]),
    );
    expect(r.ok ? [] : r.issues.map((i) => i.path)).toEqual(['steps[0].action.topic', 'steps[1].action.broker']);
    const big = parseScenario(
      scenario([step({ kind: 'note' })], { brokers: 2, topics: [{ name: 'pay', replicationFactor: 3 }] }),
    );
    expect(big.ok ? [] : big.issues.map((i) => i.message)).toEqual([
      'replication factor 3 needs 3 brokers; the cluster has 2',
    ]);
  });

  it('a replication step in a scenario without replicated topics changes nothing and says why', () => {
    const s = parsed(scenario([step({ kind: 'note' })]));
    const bare = { ...s, topology: { ...s.topology, replication: undefined } } as ScenarioDef;
    const st = new Stepper({ ...bare, steps: [step({ kind: 'crash-broker', broker: 1 })] }, []);
    expect(st.at(1).effects).toMatchObject([{ kind: 'request-rejected', error: 'UNKNOWN' }]);
  });
});
