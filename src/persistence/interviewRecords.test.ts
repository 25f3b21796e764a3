/**
 * The catalog's version 3 adds the `interviews` store (each finished mock interview's scorecard): a
 * version 2 catalog with data in every store is upgraded with all of it kept; interview records are
 * checked on read like every catalog record (a damaged one is listed apart, never breaks a listing) and
 * nothing that would read back damaged is written.
 */
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_DB_NAME, CATALOG_VERSION, openCatalog } from './catalog';
import { deleteAllDatabases, openCatalogAt, versionOneRecords } from './catalogTesting';
import { DamagedRecordError } from './errors';
import { interviewIssues, InterviewRecordSchema, MAX_DESIGN_CHARS, scoreOf } from './interviewRecords';
import { interviewRecordOf } from './interviewTesting';
import { questionKey } from './progressRecords';

beforeEach(deleteAllDatabases);

const record = interviewRecordOf('iv-1000-a');

describe('the interview record', () => {
  it('accepts a scorecard and counts its score as the scorecard does', () => {
    expect(InterviewRecordSchema.safeParse(record).success).toBe(true);
    expect(scoreOf(record)).toEqual({ passed: 2, total: 4 });
  });

  it('refuses unbounded or inconsistent records', () => {
    const bad = [
      { ...record, id: 'has space' },
      { ...record, length: 30 },
      { ...record, finishedAt: 10 },
      { ...record, rubric: Array.from({ length: 21 }, () => record.rubric[0]) },
      { ...record, runs: [{ ...record.runs[0]!, feedback: 'x'.repeat(2001) }] },
      { ...record, stageTimes: { ...record.stageTimes, topics: -1 } },
      { ...record, study: [{ ...record.study[0]!, scenarioId: '../x' }] },
    ];
    for (const b of bad) expect(InterviewRecordSchema.safeParse(b).success).toBe(false);
  });

  it('keeps what rebuilds its design as it is (checked where it is used), bounded in size', () => {
    const answers = { promptVersion: 1, whatIfIds: ['reprocess'], answers: { requirements: [] } };
    expect(InterviewRecordSchema.parse({ ...record, design: answers }).design).toEqual(answers);
    // Damaged answers leave the record readable: the scorecard lists and says its runs cannot be opened.
    expect(InterviewRecordSchema.safeParse({ ...record, design: 'lost' }).success).toBe(true);
    expect(InterviewRecordSchema.safeParse({ ...record, design: 'x'.repeat(MAX_DESIGN_CHARS) }).success).toBe(false);
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    expect(InterviewRecordSchema.safeParse({ ...record, design: cycle }).success).toBe(false);
    // Records saved before runs could be reopened have no step to open at, nor answers.
    expect(InterviewRecordSchema.safeParse(record).success).toBe(true);
    expect(InterviewRecordSchema.safeParse({ ...record, runs: [{ ...record.runs[0]!, openAt: -1 }] }).success).toBe(
      false,
    );
  });

  it('names every problem of a backup’s entries with its path, duplicates included', () => {
    expect(interviewIssues([record, interviewRecordOf('iv-2')])).toEqual([]);
    const issues = interviewIssues([record, { ...record, length: 30 }, record]);
    expect(issues.map((i) => i.path)).toEqual(['interviews[1].length', 'interviews[2].id']);
  });
});

describe('catalog version 3: mock interviews', () => {
  it('upgrades a version 2 catalog keeping the data of every store', async () => {
    const v2 = await openCatalogAt(2);
    const { run, saved, progress } = versionOneRecords();
    const question = {
      id: questionKey('pubsub-basics', 'q1'),
      scenarioId: 'pubsub-basics',
      questionId: 'q1',
      step: 1,
      concepts: ['topics'],
      right: 1,
      wrong: 0,
      lastCorrect: true,
      lastAt: 8,
      card: null,
    };
    await v2.put('runs', run);
    await v2.put('scenarios', saved);
    await v2.put('progress', progress);
    await v2.put('questions', question);
    v2.close();

    const c = await openCatalog();
    try {
      expect(await c.getRun('b-1')).toEqual(run);
      expect(await c.getScenario('fork-1')).toEqual(saved);
      expect(await c.getProgress('pubsub-basics')).toEqual(progress);
      const data = await c.readLearnerData();
      expect(data.questions).toEqual([question]);
      expect(data.interviews).toEqual([]);
      await c.putInterview(record);
      const later = interviewRecordOf('iv-2000-b', { startedAt: 2_000_000, finishedAt: 3_000_000 });
      await c.updateLearnerData(({ interviews }) => interviews.put(later));
      expect(await c.listInterviews()).toEqual([later, record]);
      expect(await c.getInterview('iv-1000-a')).toEqual(record);
    } finally {
      c.close();
    }
    const raw = await openDB(CATALOG_DB_NAME);
    expect(raw.version).toBe(CATALOG_VERSION);
    expect(CATALOG_VERSION).toBe(3);
    expect([...raw.objectStoreNames].sort()).toEqual(['interviews', 'progress', 'questions', 'runs', 'scenarios']);
    expect([...raw.transaction('interviews').store.indexNames]).toEqual(['byFinishedAt']);
    raw.close();
  });

  it('lists a damaged interview apart, never crashes a listing and never writes one', async () => {
    const c = await openCatalog();
    try {
      await c.putInterview(record);
      const raw = await openDB(CATALOG_DB_NAME);
      await raw.put('interviews', { ...record, id: 'iv-bad', rubric: 'not a list' });
      await raw.put('interviews', { id: 'iv-number', promptId: 42 });
      raw.close();
      expect(await c.listInterviews()).toEqual([record]);
      const damaged = await c.listDamaged();
      expect(damaged.map((d) => [d.store, d.label])).toEqual([
        ['interviews', 'iv-bad'],
        ['interviews', 'iv-number'],
      ]);
      expect(damaged[0]!.problem).toBe('its rubric points are unreadable');
      await expect(c.getInterview('iv-bad')).rejects.toBeInstanceOf(DamagedRecordError);
      await expect(c.putInterview({ ...record, length: 30 as 20 })).rejects.toBeInstanceOf(DamagedRecordError);
      expect((await c.readLearnerData()).damaged.map((d) => d.label)).toEqual(['iv-bad', 'iv-number']);
      await c.removeDamaged('interviews', 'iv-bad');
      expect((await c.listDamaged()).map((d) => d.label)).toEqual(['iv-number']);
    } finally {
      c.close();
    }
  });
});

describe('damaged interview records: every field, one at a time', () => {
  /** Wrong for every field of the record (no field takes objects of another shape, lists of text, nulls…). */
  const wrongValues: unknown[] = [{ an: 'object' }, -1, 1.5, null, ['list'], 'x'.repeat(5000)];
  for (const field of Object.keys(record).filter((f) => f !== 'id'))
    for (const wrong of wrongValues)
      it(`${field} = ${JSON.stringify(wrong).slice(0, 30)}`, async () => {
        const c = await openCatalog();
        try {
          await c.putInterview(record);
          const raw = await openDB(CATALOG_DB_NAME);
          await raw.put('interviews', { ...record, id: 'iv-damaged', [field]: wrong });
          raw.close();
          expect(await c.listInterviews()).toEqual([record]);
          const damaged = await c.listDamaged();
          expect(damaged.map((d) => [d.store, d.label])).toEqual([['interviews', 'iv-damaged']]);
          expect(damaged[0]!.problem).toMatch(/^its /);
          // Each field in plain words (catalogRecords' FIELD_WORDS), never as a raw field name.
          expect(damaged[0]!.problem).not.toMatch(/field “/);
          expect((await c.readLearnerData()).interviews).toEqual([record]);
        } finally {
          c.close();
        }
      });
});
