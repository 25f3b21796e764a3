import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LearnerInput } from '../engine/types';
import { mergeInputs, mergeRunRecords, parseRunRecord, RunDivergedError } from './runRecord';
import { runRecordOf } from './testing';
import type { RunRecord } from './runRecord';

const run = (patch: Partial<RunRecord> = {}): RunRecord => runRecordOf('r', 'pubsub-basics', patch);

const answer = fc.record({
  kind: fc.constant('answer' as const),
  atStep: fc.integer({ min: 0, max: 20 }),
  questionId: fc.constantFrom('q1', 'q2', 'q3'),
  answer: fc.oneof(fc.constantFrom('a', 'b', 'c'), fc.array(fc.constantFrom('a', 'b'), { maxLength: 2 })),
}) as fc.Arbitrary<LearnerInput>;
const answers = fc.array(answer, { maxLength: 8 });

/** How many times each input occurs (inputs compared by value). */
const counts = (xs: readonly LearnerInput[]) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(JSON.stringify(x), (m.get(JSON.stringify(x)) ?? 0) + 1);
  return m;
};
const latest = (xs: readonly LearnerInput[]) =>
  Object.fromEntries(xs.flatMap((i) => (i.kind === 'answer' ? [[i.questionId, JSON.stringify(i.answer)]] : [])));

describe('merging a run record into the stored one', () => {
  it('keeps the stored log as a prefix, loses no input of either side, and is idempotent', () => {
    fc.assert(
      fc.property(answers, answers, (stored, incoming) => {
        const merged = mergeInputs(stored, incoming);
        expect(merged.slice(0, stored.length)).toEqual(stored);
        const m = counts(merged);
        for (const [k, n] of counts(incoming)) expect(m.get(k)).toBeGreaterThanOrEqual(n);
        for (const [k, n] of counts(stored)) expect(m.get(k)).toBeGreaterThanOrEqual(n);
        // Writing the same record again (a retried write, a tab writing twice) changes nothing.
        expect(mergeInputs(merged, incoming)).toEqual(merged);
        expect(mergeInputs(merged, stored)).toEqual(merged);
      }),
    );
  });

  it('an answer given after reading the stored log is the one that counts', () => {
    fc.assert(
      fc.property(answers, answers, answer, (stored, ownOld, fresh) => {
        // The tab knew `stored` (plus answers of its own) and answers again: its new answer wins.
        const mine = [...mergeInputs(stored, ownOld), fresh];
        const merged = mergeInputs(stored, mine);
        expect(latest(merged)[(fresh as { questionId: string }).questionId]).toBe(
          JSON.stringify((fresh as { answer: unknown }).answer),
        );
      }),
    );
  });

  it('furthest step is a maximum whichever tab writes last; the cursor is the writer’s', () => {
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), fc.nat(100), answers, answers, (a, b, cursor, ia, ib) => {
        const stored = run({ furthestStep: a, inputs: ia, createdAt: 5, updatedAt: 5 });
        const merged = mergeRunRecords(
          stored,
          run({ furthestStep: b, cursor, inputs: ib, createdAt: 9, updatedAt: 9 }),
        );
        expect(merged.furthestStep).toBe(Math.max(a, b));
        expect(merged.cursor).toBe(cursor);
        expect(merged.createdAt).toBe(5);
        expect(merged.updatedAt).toBe(9);
        expect(parseRunRecord(merged, 'r').ok).toBe(true);
      }),
    );
  });

  it('refuses a write with another story (a learner action never edits a run: it starts a branch)', () => {
    const produce: LearnerInput = { kind: 'produce', atStep: 2, topic: 'orders', key: 'k', value: 'v' };
    expect(() => mergeRunRecords(run({ inputs: [produce] }), run({ inputs: [] }))).toThrow(RunDivergedError);
    expect(() => mergeRunRecords(run({ inputs: [] }), run({ inputs: [produce] }))).toThrow(RunDivergedError);
    expect(() => mergeRunRecords(run({ parentRunId: 'p', branchedAtStep: 2 }), run())).toThrow(RunDivergedError);
    // Same story, different answers: merged.
    const a: LearnerInput = { kind: 'answer', atStep: 3, questionId: 'q', answer: 'x' };
    expect(mergeRunRecords(run({ inputs: [produce] }), run({ inputs: [produce, a] })).inputs).toEqual([produce, a]);
    expect(new RunDivergedError().message).toMatch(/Reload this tab/);
  });
});

describe('reading a stored run record', () => {
  const good = run({
    inputs: [{ kind: 'answer', atStep: 3, questionId: 'q', answer: 'x' }],
    cursor: 4,
    furthestStep: 6,
  });

  it('accepts a valid record and nothing else', () => {
    expect(parseRunRecord(good, 'r')).toEqual({ ok: true, run: good });
    for (const raw of [null, 'abc', 42, [], undefined])
      expect(parseRunRecord(raw, 'r')).toMatchObject({ ok: false, problems: ['it is not a run record'] });
  });

  const wrong: Record<keyof RunRecord, unknown[]> = {
    runId: [42, {}, undefined, '', 'other-run'],
    scenarioId: [42, {}, undefined, '', ['x'], 'x'.repeat(301)],
    parentRunId: [42, {}, undefined, ''],
    branchedAtStep: ['abc', {}, undefined, 1.5, -1, Number.NaN, Infinity, 1e12],
    inputs: ['abc', {}, undefined, 42, null],
    cursor: ['abc', {}, undefined, 1.5, -1, Number.NaN, Infinity, 1e12, null, '3'],
    furthestStep: ['abc', {}, undefined, 1.5, -1, Number.NaN, 1e12, null],
    createdAt: ['abc', {}, undefined, -1, Number.NaN, Infinity, 1.5],
    updatedAt: ['abc', {}, undefined, -1, Number.NaN, Infinity],
  };

  it('names the field of every wrong value, one field at a time, and salvages every other field', () => {
    for (const [field, values] of Object.entries(wrong)) {
      for (const value of values) {
        const raw: Record<string, unknown> = { ...structuredClone(good) };
        if (value === undefined) delete raw[field];
        else raw[field] = value;
        const parsed = parseRunRecord(raw, 'r');
        expect(parsed.ok, `${field} = ${String(value)}`).toBe(false);
        if (parsed.ok) continue;
        const problem = parsed.problems.join('; ');
        expect(problem, `${field} = ${String(value)}`).toMatch(
          field === 'runId' && typeof value === 'string' && value !== ''
            ? /filed under another run/
            : new RegExp(`^${field} is (missing|not )`),
        );
        expect(problem).not.toMatch(/Expected|Invalid|undefined|NaN|\[object/);
        // Everything else is kept.
        if (field !== 'inputs') expect(parsed.salvage.inputs).toEqual(good.inputs);
        for (const f of [
          'cursor',
          'furthestStep',
          'createdAt',
          'updatedAt',
          'scenarioId',
          'branchedAtStep',
          'parentRunId',
        ] as const)
          if (f !== field) expect(parsed.salvage[f], `${f} kept when ${field} is wrong`).toEqual(good[f]);
      }
    }
  });

  it('one unreadable learner action loses only itself', () => {
    const raw = {
      ...good,
      inputs: [{ kind: 'answer', atStep: 'x', questionId: 'q', answer: 'y' }, ...good.inputs, 42, { kind: 'nonsense' }],
    };
    const parsed = parseRunRecord(raw, 'r');
    expect(parsed).toMatchObject({
      ok: false,
      problems: [
        'learner action 1 of 4 cannot be read',
        'learner action 3 of 4 cannot be read',
        'learner action 4 of 4 cannot be read',
      ],
    });
    expect(!parsed.ok && parsed.salvage.inputs).toEqual(good.inputs);
  });
});
