import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';
import { watchForProblems } from './watch';

/**
 * Damaged stored events (issue 19): a field of a stored event of the run set to a wrong value, in
 * the browser's own IndexedDB. The app must never freeze or go blank, must say what happened in
 * plain words, keep the answer, and "Start this run again" must store the run's events again.
 * (The unit sweep, src/state/damagedEvents.test.ts, sets every field to every wrong value; the run
 * database's checkpoint and snapshot stores are not swept: the app never writes or reads them.)
 */

const SCENARIO = 'event-sourcing';
const RUN_ID = `main-${SCENARIO}`;
const DB = `event-lab-run-${RUN_ID}`;
/** Steps 3 and 5 ask these; steps 5 and 6 store 7 and 8 events. */
const QUESTIONS = ['order-by-time', 'without-expected'];

type Stored = Record<string, unknown>;

/** The run record and the stored events, raw. */
const readRaw = (page: Page) =>
  page.evaluate(
    ({ db: name, runId }) =>
      new Promise<{ run: Stored | undefined; events: Stored[] }>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(['run', 'events']);
          const run = tx.objectStore('run').get(runId);
          const events = tx.objectStore('events').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({ run: run.result as Stored | undefined, events: events.result as Stored[] });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db: DB, runId: RUN_ID },
  );

/**
 * Sets `field` of the stored event at `position` to `value` (raw IndexedDB, as a damaged profile
 * would hold it). 'NaN' and 'missing' stand for themselves (they do not travel as JSON); a new
 * position is a new key, so the event is moved.
 */
const damageEvent = (page: Page, position: number, field: string, value: unknown) =>
  page.evaluate(
    ({ db: name, position: at, field: f, value: v }) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('events', 'readwrite');
          const store = tx.objectStore('events');
          const get = store.get(at);
          get.onsuccess = () => {
            const event = { ...(get.result as Record<string, unknown>) };
            if (v === 'missing') delete event[f];
            else event[f] = v === 'NaN' ? Number.NaN : v;
            store.delete(at);
            store.put(event);
          };
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { db: DB, position, field, value },
  );

const answersOf = (run: Stored | undefined) =>
  Object.fromEntries(
    ((run?.inputs ?? []) as { kind: string; questionId: string; answer: unknown }[])
      .filter((i) => i.kind === 'answer')
      .map((i) => [i.questionId, i.answer]),
  );

const cases: { field: string; value: unknown }[] = [
  { field: 'revision', value: 'abc' },
  { field: 'eventType', value: {} },
  { field: 'recordedAt', value: 'NaN' },
  { field: 'metadata', value: [3] },
  { field: 'streamId', value: 'missing' },
  { field: 'position', value: 'abc' },
  { field: 'data', value: 'abc' },
];

test('a stored event with a field of a wrong type is reported and "Start this run again" stores the events again', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const { problems } = watchForProblems(page);
  const app = new PlayerPage(page);
  await app.open(`#/s/${SCENARIO}/0`);
  // Steps 3 and 5 ask a question (stepping on waits for the answer).
  for (let k = 1; k <= 5; k++) {
    await app.click('Step forward');
    if (k === 3 || k === 5) {
      await page.locator('.question input').first().check();
      await app.click('Answer');
    }
  }
  const base = await readRaw(page);
  expect(base.events).toHaveLength(7);
  const answers = answersOf(base.run);
  expect(Object.keys(answers).sort()).toEqual(QUESTIONS);

  for (const { field, value } of cases) {
    const what = `${field} = ${JSON.stringify(value)}`;
    await damageEvent(page, 3, field, value);
    await page.reload();
    // Never freezes: the app becomes ready and answers its hooks.
    await page.waitForFunction(() => window.__eventLab?.ready === true && window.__eventLab.state() !== null, null, {
      timeout: 20_000,
    });
    await app.settled();
    // Never blank: the player is there, at a step.
    await expect(page.getByText(/^Step \d+ \/ \d+$/), what).toBeVisible();
    await expect(page.getByRole('heading', { level: 2 }).first(), what).toBeVisible();
    // Says what happened, in words, and offers to start again.
    const alert = page.getByTestId('storage-status').getByRole('alert');
    await expect(alert, what).toContainText(/stored events? (\(number \d+ in order\) is damaged|of this run disagree)/);
    expect(await alert.innerText(), what).not.toMatch(/TypeError|RangeError|ZodError|undefined|\[object|NaN|Expected/);
    await expect(app.button('Start this run again'), what).toBeVisible();

    await app.click('Start this run again');
    await expect(alert, what).toHaveCount(0);
    await expect(page.getByTestId('storage-status'), what).toContainText('started again');
    // Never loses an event or the answer: the events are stored again, as they were.
    const after = await readRaw(page);
    expect(
      after.events.map((e) => e.eventId),
      what,
    ).toEqual(base.events.map((e) => e.eventId));
    expect(answersOf(after.run), what).toEqual(answers);
    // And it reloads clean.
    await page.reload();
    await app.ready();
    await expect(alert, what).toHaveCount(0);
  }

  // It plays on: a step forward stores that step's event.
  await app.click('Step forward');
  expect((await readRaw(page)).events, 'after stepping').toHaveLength(8);
  expect(problems).toEqual([]);
});
