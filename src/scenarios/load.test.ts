import { describe, expect, it } from 'vitest';
import { mustParseScenario } from './parse';
import { Stepper } from './stepper';

/** `load` with and without the snapshot: the same state, from a different number of events. */
const scenario = mustParseScenario({
  schemaVersion: 1,
  id: 'load-fixture',
  title: 'load fixture',
  summary: 'test',
  level: 'advanced',
  concepts: ['snapshots'],
  seed: 1,
  startTime: 0,
  stepMs: 1000,
  intro: { title: 'Intro', narration: 'Intro' },
  topology: {
    topics: [],
    producers: [],
    groups: [],
    aggregates: [
      {
        type: 'Counter',
        streamPrefix: 'counter-',
        version: 1,
        snapshotEvery: 2,
        initial: 'none',
        fields: { n: 0 },
        commands: [
          { command: 'Start', when: ['none'], emit: [{ eventType: 'Started', data: {} }] },
          { command: 'Bump', when: ['running'], emit: [{ eventType: 'Bumped', data: {} }] },
        ],
        evolve: [
          { eventType: 'Started', to: 'running' },
          { eventType: 'Bumped', set: { n: { add: [{ ref: 'state.n' }, 1] } } },
        ],
      },
    ],
  },
  steps: [
    {
      title: 's',
      narration: 'n',
      action: { kind: 'command', aggregate: 'Counter', id: '1', command: 'Start', data: {} },
    },
    {
      title: 'b',
      narration: 'n',
      action: { kind: 'command', aggregate: 'Counter', id: '1', command: 'Bump', data: {} },
    },
    {
      title: 'b',
      narration: 'n',
      action: { kind: 'command', aggregate: 'Counter', id: '1', command: 'Bump', data: {} },
    },
    { title: 'with', narration: 'n', action: { kind: 'load', aggregate: 'Counter', id: '1' } },
    { title: 'without', narration: 'n', action: { kind: 'load', aggregate: 'Counter', id: '1', useSnapshot: false } },
  ],
  takeaways: ['t'],
});

const loadReason = (k: number) =>
  new Stepper(scenario, []).at(k).effects.find((e) => e.kind === 'fault-injected')!.reason;

describe('the load action', () => {
  it('starts from the snapshot by default', () => {
    expect(loadReason(4)).toMatch(
      /from the snapshot at revision 1, folding 1 event\(s\): it is "running" at revision 2/,
    );
  });

  it('with useSnapshot: false really replays the whole stream, and reaches the same state', () => {
    expect(loadReason(5)).toMatch(/replaying from revision 0, folding 3 event\(s\): it is "running" at revision 2/);
  });
});
