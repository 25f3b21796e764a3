import { describe, expect, it } from 'vitest';
import { parseScenario } from '../parse';
import type { ScenarioDef, StepDef } from '../schema';
import { Stepper } from '../stepper';

const registry = {
  subjects: [{ name: 'rides-value' }],
  schemas: [
    { id: 'v1', record: 'Ride', fields: [{ name: 'rideId', type: 'string' }] },
    {
      id: 'v2',
      record: 'Ride',
      fields: [
        { name: 'rideId', type: 'string' },
        { name: 'city', type: 'string' },
      ],
    },
  ],
};

const doc = (steps: StepDef[], reg: unknown = registry) => ({
  schemaVersion: 1,
  id: 'registry-test',
  title: 'Registry test',
  summary: 'A registry in the stepper.',
  level: 'advanced',
  concepts: ['schema registry'],
  seed: 1,
  startTime: 1_000_000,
  stepMs: 1000,
  intro: { title: 'Intro', narration: 'One subject.' },
  topology: { topics: [], producers: [], groups: [], registry: reg },
  steps,
  takeaways: ['Registries.'],
});
const step = (action: StepDef['action']): StepDef => ({ title: action.kind, narration: 'n', action });
const parsed = (d: unknown): ScenarioDef => {
  const r = parseScenario(d);
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return r.scenario;
};
const S = 'rides-value';

describe('a schema registry in a scenario', () => {
  it('a producer cannot write with a schema the subject does not have; nothing is written', () => {
    const st = new Stepper(
      parsed(doc([step({ kind: 'produce-with-schema', subject: S, schema: 'v1', data: { rideId: 'r1' } })])),
      [],
    );
    const r = st.at(1);
    expect(r.effects).toMatchObject([{ kind: 'request-rejected', request: 'produce-with-schema' }]);
    expect(r.world.registry?.records[S] ?? []).toHaveLength(0);
  });

  it('a reader stuck on a record resumes there once its schema can read it', () => {
    const st = new Stepper(
      parsed(
        doc([
          step({ kind: 'set-compatibility', subject: S, mode: 'NONE' }),
          step({ kind: 'register-schema', subject: S, schema: 'v1' }),
          step({ kind: 'produce-with-schema', subject: S, schema: 'v1', data: { rideId: 'r1' } }),
          step({ kind: 'read-with-schema', subject: S, consumer: 'c', schema: 'v2' }),
          step({ kind: 'read-with-schema', subject: S, consumer: 'c', schema: 'v1' }),
        ]),
      ),
      [],
    );
    expect(st.at(2).effects).toMatchObject([{ op: 'registered', version: 1, schemaId: 1 }]);
    expect(st.at(4).world.registry?.readers.c).toMatchObject({
      position: 0,
      failed: expect.stringContaining('"city"'),
    });
    const done = st.at(5).world.registry?.readers.c;
    expect(done).toEqual({ subject: S, schema: 'v1', position: 1, last: { rideId: 'r1' } });
  });

  it('refuses references to a subject or schema the registry does not declare', () => {
    const r = parseScenario(doc([step({ kind: 'register-schema', subject: 'nope', schema: 'v9' })]));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(['steps[0].action.subject', 'steps[0].action.schema']),
      );
  });
});
