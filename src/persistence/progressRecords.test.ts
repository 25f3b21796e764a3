/**
 * The catalog's version 2 adds the `questions` store (progress per question and the review queue):
 * a version 1 catalog with data in every store is upgraded with all of it kept; question records are
 * checked on read like every catalog record, and nothing that would read back damaged is written.
 */
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { CATALOG_DB_NAME, openCatalog } from './catalog';
import { deleteAllDatabases, openCatalogAt, versionOneRecords } from './catalogTesting';
import { DamagedRecordError } from './errors';
import { answeredQuestion } from '../scenarios/io/questionTesting';
import { questionKey, type QuestionProgress } from './progressRecords';

beforeEach(deleteAllDatabases);

const question: QuestionProgress = answeredQuestion();

describe('catalog version 2: progress per question', () => {
  it('upgrades a version 1 catalog keeping its runs, saved scenarios and progress', async () => {
    const v1 = await openCatalogAt(1);
    const { run, saved, progress } = versionOneRecords();
    await v1.put('runs', run);
    await v1.put('scenarios', saved);
    await v1.put('progress', progress);
    v1.close();

    const c = await openCatalog();
    try {
      expect(await c.getRun('b-1')).toEqual(run);
      expect(await c.getScenario('fork-1')).toEqual(saved);
      expect(await c.getProgress('pubsub-basics')).toEqual(progress);
      const data = await c.readLearnerData();
      expect(data.questions).toEqual([]);
      await c.updateLearnerData(({ questions }) => questions.put(question));
      expect((await c.readLearnerData()).questions).toEqual([question]);
    } finally {
      c.close();
    }
    const raw = await openDB(CATALOG_DB_NAME);
    expect(raw.version).toBe(3);
    expect([...raw.objectStoreNames].sort()).toEqual(['interviews', 'progress', 'questions', 'runs', 'scenarios']);
    expect([...raw.transaction('questions').store.indexNames]).toEqual(['byScenario']);
    raw.close();
  });

  it('lists a damaged question record apart, and never writes one', async () => {
    const c = await openCatalog();
    try {
      await c.updateLearnerData(({ questions }) => questions.put(question));
      const raw = await openDB(CATALOG_DB_NAME);
      await raw.put('questions', { ...question, id: 'other/q', wrong: -1 });
      await raw.put('questions', { ...question, id: 'ride-sharing/x', questionId: 'y' });
      raw.close();
      const data = await c.readLearnerData();
      expect(data.questions).toEqual([question]);
      expect(data.damaged.map((d) => [d.store, d.label])).toEqual([
        ['questions', 'other/q'],
        ['questions', 'ride-sharing/x'],
      ]);
      await expect(
        c.updateLearnerData(({ questions }) => questions.put({ ...question, card: { ...question.card!, state: 9 } })),
      ).rejects.toBeInstanceOf(DamagedRecordError);
      expect((await c.readLearnerData()).questions).toEqual([question]);
      await c.removeDamaged('questions', 'other/q');
      expect((await c.listDamaged()).map((d) => d.label)).toEqual(['ride-sharing/x']);
    } finally {
      c.close();
    }
  });

  it('keeps a design grade’s note, reads a record without one as before, and never writes a note out of bounds', async () => {
    const graded: QuestionProgress = {
      ...question,
      id: questionKey('ride-sharing', 'practice-design:graded'),
      questionId: 'practice-design:graded',
    };
    const designGrade = {
      hintsUsed: 2,
      hintsAvailable: 9,
      referenceShown: false,
      failed: [
        {
          title: 'Consumers with side effects are idempotent',
          feedback: 'Group payments does not deduplicate by event id.',
          study: { scenarioId: 'delivery-guarantees', step: 9, title: 'Delivery guarantees' },
        },
      ],
    };
    const c = await openCatalog();
    try {
      await c.updateLearnerData(({ questions }) => questions.put(graded));
      expect((await c.readLearnerData()).questions).toEqual([graded]);
      await c.updateLearnerData(({ questions }) => questions.put({ ...graded, designGrade }));
      expect((await c.readLearnerData()).questions).toEqual([{ ...graded, designGrade }]);
      await expect(
        c.updateLearnerData(({ questions }) =>
          questions.put({ ...graded, designGrade: { ...designGrade, hintsUsed: 1.5 } }),
        ),
      ).rejects.toBeInstanceOf(DamagedRecordError);
    } finally {
      c.close();
    }
  });
});
