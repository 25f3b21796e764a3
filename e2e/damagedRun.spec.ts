import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * A damaged run record (issue 19, point 7): every field of the stored run record set to a wrong
 * type, one at a time. The app must never freeze or go blank, must say what is wrong, and "Start
 * this run again" must bring the run back without losing an answer or a stored event.
 */

const SCENARIO = 'partitions-keys-ordering';
const RUN_ID = `main-${SCENARIO}`;
const DB = `event-lab-run-${RUN_ID}`;
const QUESTION = 'order-across-partitions';

type Stored = Record<string, unknown>;

/** Replaces whatever the run store holds with `record` (raw IndexedDB, as a damaged profile would hold it). */
const writeRaw = (page: Page, record: Stored | null, db = DB) =>
  page.evaluate(
    ({ db: name, record: value }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('run', 'readwrite');
          tx.objectStore('run').clear();
          if (value) tx.objectStore('run').put(value);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db, record },
  );

const readRaw = (page: Page, db = DB, runId = RUN_ID) =>
  page.evaluate(
    ({ db: name, runId }) =>
      new Promise<{ run: Stored | undefined; events: number }>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['run', 'events']);
          const run = tx.objectStore('run').get(runId);
          const events = tx.objectStore('events').count();
          tx.oncomplete = () => {
            db.close();
            resolve({ run: run.result as Stored | undefined, events: events.result });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db, runId },
  );

const answersOf = (run: Stored | undefined) =>
  Object.fromEntries(
    ((run?.inputs ?? []) as { kind: string; questionId: string; answer: unknown }[])
      .filter((i) => i.kind === 'answer')
      .map((i) => [i.questionId, i.answer]),
  );

/** The run at step 8 with one answer (step 6 asks), and its stored record and event count. */
async function baseline(app: PlayerPage) {
  await app.open(`#/s/${SCENARIO}/0`);
  for (let k = 1; k <= 6; k++) await app.click('Step forward');
  await app.page.locator('.question input').first().check();
  await app.click('Answer');
  await app.click('Step forward');
  await app.click('Step forward');
  const raw = await readRaw(app.page);
  expect(raw.run).toMatchObject({ cursor: 8, furthestStep: 8 });
  expect(Object.keys(answersOf(raw.run))).toEqual([QUESTION]);
  return { record: raw.run!, events: raw.events, answers: answersOf(raw.run) };
}

const MISSING = Symbol('missing');
type Wrong = unknown;
const NUMBERS: Wrong[] = ['abc', {}, MISSING, 1.5, -1, Number.NaN, 1e12, [3]];
const STRINGS: Wrong[] = [42, {}, MISSING, ['x'], ''];

/** Field → wrong values. `runId` is the key: a wrong one files the record under another key. */
const cases: { field: string; values: Wrong[]; answersKept: boolean }[] = [
  { field: 'cursor', values: NUMBERS, answersKept: true },
  { field: 'furthestStep', values: NUMBERS, answersKept: true },
  { field: 'branchedAtStep', values: NUMBERS.filter((v) => v !== MISSING), answersKept: true },
  { field: 'createdAt', values: ['abc', {}, MISSING, -1, Number.NaN], answersKept: true },
  { field: 'updatedAt', values: ['abc', {}, MISSING, -1, Number.NaN], answersKept: true },
  { field: 'scenarioId', values: STRINGS, answersKept: true },
  { field: 'parentRunId', values: [42, {}, MISSING, ['x']], answersKept: true },
  { field: 'runId', values: [42, ['x'], 'someone-else'], answersKept: true },
  // The answers are the inputs: a list that cannot be read keeps none; one bad entry loses only itself.
  { field: 'inputs', values: ['abc', {}, MISSING, 42], answersKept: false },
  {
    field: 'inputs[0]',
    values: [{ kind: 'answer', atStep: 'x', questionId: QUESTION, answer: 'y' }, 42, { kind: 'nonsense' }],
    answersKept: true,
  },
];

const show = (v: Wrong) => (v === MISSING ? 'missing' : Number.isNaN(v) ? 'NaN' : JSON.stringify(v));

for (const { field, values, answersKept } of cases) {
  test(`a run record whose ${field} is of a wrong type is reported as damaged and can be started again`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const app = new PlayerPage(page);
    const base = await baseline(app);

    for (const value of values) {
      const what = `${field} = ${show(value)}`;
      const damaged: Stored = structuredClone(base.record);
      if (field === 'inputs[0]') (damaged.inputs as unknown[]) = [value, ...(damaged.inputs as unknown[])];
      else if (value === MISSING) delete damaged[field];
      else damaged[field] = value;
      await writeRaw(page, damaged);

      // Reopen where the learner left off (the cursor is read) and at a step given in the address.
      for (const hash of [`#/s/${SCENARIO}`, `#/s/${SCENARIO}/3`]) {
        await page.goto(`./${hash}`);
        await page.reload();
        // Never freezes: the app becomes ready and answers its hooks.
        await page.waitForFunction(
          () => window.__eventLab?.ready === true && window.__eventLab.state() !== null,
          null,
          { timeout: 20_000 },
        );
        await app.settled();
        // Never blank: the player is there, at a step.
        await expect(page.getByText(/^Step \d+ \/ \d+$/), what).toBeVisible();
        await expect(page.getByRole('heading', { level: 2 }).first(), what).toBeVisible();
        // Says what happened, in words (no raw JavaScript error text), and offers to start again.
        const alert = page.getByTestId('storage-status').getByRole('alert');
        await expect(alert, what).toContainText("This run's saved record is damaged");
        const text = await alert.innerText();
        expect(text, what).not.toMatch(/TypeError|RangeError|ZodError|undefined|\[object|NaN|Expected/);
        await expect(app.button('Start this run again'), what).toBeVisible();
        // Nothing was written while it is damaged.
        expect((await readRaw(page)).events, what).toBe(base.events);
      }

      await app.click('Start this run again');
      await expect(page.getByTestId('storage-status').getByRole('alert'), what).toHaveCount(0);
      await expect(page.getByTestId('storage-status'), what).toContainText('started again');
      const after = await readRaw(page);
      // Never loses an event.
      expect(after.events, what).toBe(base.events);
      expect(after.run, what).toMatchObject({
        runId: RUN_ID,
        scenarioId: SCENARIO,
        parentRunId: null,
        branchedAtStep: null,
        furthestStep: base.record.furthestStep,
      });
      if (answersKept) expect(answersOf(after.run), what).toEqual(base.answers);
      // The run plays on: a step forward stores as usual, and a reload agrees with what is stored.
      await app.click('Step forward');
      await page.reload();
      await app.ready();
      await expect(page.getByTestId('storage-status').getByRole('alert'), what).toHaveCount(0);
      expect((await app.state()).storedCount, what).toBeGreaterThanOrEqual(base.events);
      // The next value starts from the run as it now stands (one step further, perhaps).
      const now = await readRaw(page);
      base.events = now.events;
      base.record = { ...base.record, furthestStep: now.run!.furthestStep, cursor: now.run!.cursor };
    }
    expect(problems).toEqual([]);
  });
}

test('a missing run record next to stored events is reported as damaged, not as a disagreement', async ({ page }) => {
  // partitions-keys-ordering stores no events (its producers write to the broker only): event-sourcing's aggregates do.
  const scenario = 'event-sourcing';
  const runId = `main-${scenario}`;
  const db = `event-lab-run-${runId}`;
  const app = new PlayerPage(page);
  await app.open(`#/s/${scenario}/0`);
  // Step 3 asks a question: two steps store events without one.
  for (let k = 1; k <= 2; k++) await app.click('Step forward');
  const base = await readRaw(page, db, runId);
  expect(base.run).toMatchObject({ cursor: 2, furthestStep: 2 });
  expect(base.events).toBeGreaterThan(0);
  await writeRaw(page, null, db);
  await page.goto(`./#/s/${scenario}`);
  await page.reload();
  await app.ready();
  const alert = page.getByTestId('storage-status').getByRole('alert');
  await expect(alert).toContainText("This run's saved record is missing");
  await expect(alert).not.toContainText('disagree');
  await app.click('Start this run again');
  await expect(alert).toHaveCount(0);
  const after = await readRaw(page, db, runId);
  expect(after.events).toBe(base.events);
  expect(after.run).toMatchObject({ furthestStep: 2 });
});
