import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../content';
import { exportBackup, parseBackup } from './backup';

const doc = () => JSON.parse(JSON.stringify(findBuiltin('pubsub-basics')!));
const input = () => ({
  exportedAt: 1_800_000_000_000,
  scenarios: [
    { scenarioId: 'fork-1', title: 'My fork', forkedFrom: { runId: 'run-1', step: 4 }, document: doc(), updatedAt: 5 },
  ],
  progress: [
    { scenarioId: 'pubsub-basics', furthestStep: 7, completed: false, answers: { q1: ['a', 'b'] }, updatedAt: 6 },
  ],
});

describe('backup', () => {
  it('round-trips scenarios and progress', () => {
    const r = parseBackup(exportBackup(input()));
    expect(r.ok && r.backup).toEqual({ ...input(), questions: [], interviews: [] });
  });
  it('names the path of a bad scenario document inside the backup', () => {
    const b = input();
    b.scenarios[0]!.document.steps[1].action.topic = 'nope';
    const r = parseBackup(exportBackup(b));
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'scenarios[0].document.steps[1].action.topic', message: 'unknown topic "nope"' },
    ]);
  });
  it('rejects a wrong envelope, unknown keys, prototype keys and newer versions', () => {
    const text = exportBackup(input());
    const cases: [string, string][] = [
      [text.replace('"event-lab-backup"', '"something-else"'), 'kind'],
      [text.replace('"version": 3', '"version": 4'), 'version'],
      [text.replace('"exportedAt"', '"extra": 1, "exportedAt"'), '(root)'],
      [text.replace('"q1"', '"__proto__"'), 'progress[0].answers.__proto__'],
      [text.replace('"furthestStep": 7', '"furthestStep": -7'), 'progress[0].furthestStep'],
      ['not json', '(root)'],
    ];
    for (const [t, path] of cases) {
      const r = parseBackup(t);
      expect(r.ok ? [] : r.issues.map((i) => i.path)).toContain(path);
    }
  });
  it('rejects duplicate saved scenarios', () => {
    const b = input();
    b.scenarios.push({ ...b.scenarios[0]! });
    const r = parseBackup(exportBackup(b));
    expect(r.ok ? [] : r.issues).toEqual([
      { path: 'scenarios[1].scenarioId', message: 'duplicate saved scenario "fork-1"' },
    ]);
  });
});
