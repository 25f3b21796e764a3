import { expect, test } from '@playwright/test';
import { MockInterviewPage, RIDE_SHARING_REFERENCE } from './mockInterviewPage';

/**
 * A finished mock interview's scorecard is saved on this device as it is shown: after a reload it is
 * listed under "Your past interviews" with its score, opens, and its failing runs open in the player
 * (the design rebuilt from the answers saved with it).
 */

/** The ride-sharing prompt, 20 minutes, answered with the reference design except a payments consumer that charges every delivery. */
async function finishInterview(iv: MockInterviewPage) {
  await iv.open();
  await expect(iv.page.getByRole('heading', { level: 2, name: 'Your past interviews' })).toBeVisible();
  await expect(iv.page.getByText('None yet: each interview you finish is saved on this device')).toBeVisible();
  await iv.holdAt(60_000);
  await iv.begin('Ride-sharing', 20);
  await iv.clarify(['Can two drivers end up with the same ride?']);
  await iv.answerStages({
    ...RIDE_SHARING_REFERENCE,
    consumers: [
      /^The Ride aggregate: both are decided on the same revision/,
      /^Charges it: every delivery is a new charge/,
      /^Record PaymentFailed, show it to the rider/,
    ],
  });
  await iv.answerWhatIfs();
}

test('a finished interview is saved, listed after a reload with its score, and its failing run reopens', async ({
  page,
}) => {
  const iv = new MockInterviewPage(page);
  await finishInterview(iv);
  const heading = page.getByRole('heading', { level: 2, name: /^Scorecard: \d+ of \d+ points$/ });
  await expect(heading).toBeFocused();
  const score = /(\d+ of \d+) points$/.exec((await heading.textContent()) ?? '')![1]!;
  expect(score).not.toBe('12 of 12');
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device.' })).toBeVisible();

  // Time moves again for the reload (React's Suspense waits on a timer while the lazy page loads).
  await page.clock.resume();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mock interview' })).toBeVisible();
  const past = page.getByRole('list', { name: 'Your past interviews' });
  const entry = past.getByRole('button', { name: new RegExp(`Ride-sharing, 20 minutes — ${score} points$`) });
  await expect(past.getByRole('button')).toHaveCount(1);
  await expect(entry).toBeVisible();
  await entry.click();

  await expect(
    page.getByRole('heading', { level: 2, name: `Ride-sharing, 20 minutes: ${score} points` }),
  ).toBeFocused();
  await expect(page.getByRole('status').filter({ hasText: 'Saved on this device: the scorecard of' })).toBeVisible();
  await expect(page.getByRole('table').getByRole('row', { name: /^Events are past-tense facts/ })).toContainText(
    '✓ pass',
  );
  await expect(
    page
      .getByRole('listitem', { name: /^Run: / })
      .filter({ hasText: '✗ fail' })
      .first(),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: /^Study: / }).first()).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^Clarify the requirements: 1 min 5 s$/ })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'What to study next' })).toBeVisible();
  await iv.shotsAtSizes((w, h) => `/tmp/mock-interview-shots/saved-${w}x${h}.png`);
  await page.getByRole('button', { name: 'Back to your past interviews' }).click();
  await expect(entry).toBeVisible();
  await entry.click();

  // The saved failing run opens as the live scorecard's does: its design rebuilt from the saved answers,
  // saved as a scenario of your own, the duplicate delivery as a branch, at the step it fails.
  const duplicate = 'Payments receives the retried charge twice';
  await expect(iv.run(duplicate)).toContainText('✗ fail');
  await iv.openRun(duplicate, 12);
});

test('a scorecard saved before designs were kept lists, opens and says why its runs cannot be opened', async ({
  page,
}) => {
  await page.goto('./#/');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByRole('heading', { level: 2, name: 'My scenarios' })).toBeVisible();
  // An older version's record: no saved answers, no step to open each run at.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const study = { scenarioId: 'delivery-guarantees', step: 7, title: 'Delivery guarantees' };
        const req = indexedDB.open('event-lab-catalog');
        req.onerror = () => reject(new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('interviews', 'readwrite');
          tx.objectStore('interviews').put({
            id: 'iv-old',
            promptId: 'ride-sharing',
            promptTitle: 'Ride-sharing',
            length: 20,
            startedAt: 1_000,
            finishedAt: 601_000,
            rubric: [],
            runs: [
              { id: 'duplicate-payments', title: 'Duplicate delivery', pass: false, feedback: 'Charged twice.', study },
            ],
            whatIfs: [],
            stageTimes: { clarify: 1, events: 1, topics: 1, consumers: 1, 'what-ifs': 1 },
            study: [study],
          });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
  );
  await page.getByRole('link', { name: 'Mock interview' }).click();
  await page.getByRole('button', { name: /Ride-sharing, 20 minutes — 0 of 1 points$/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ride-sharing, 20 minutes: 0 of 1 points' })).toBeFocused();
  await expect(
    page.getByText(
      'Its failing runs cannot be opened again: it was saved before scorecards kept the answers that rebuild their design.',
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Open this run/ })).toHaveCount(0);
});

test('a damaged saved interview never breaks the page: it is counted there and listed under My scenarios', async ({
  page,
}) => {
  await page.goto('./#/');
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByRole('heading', { level: 2, name: 'My scenarios' })).toBeVisible();
  // Written behind the app's back, as another version or a damaged profile would.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('event-lab-catalog');
        req.onerror = () => reject(new Error('open failed'));
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('interviews', 'readwrite');
          tx.objectStore('interviews').put({ id: 'iv-bad', promptTitle: 'Ride-sharing', rubric: 'none' });
          tx.oncomplete = () => (db.close(), resolve());
          tx.onerror = () => reject(new Error('write failed'));
        };
      }),
  );
  await page.getByRole('link', { name: 'Mock interview' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your past interviews' })).toBeVisible();
  await expect(page.getByText('None yet: each interview you finish is saved on this device')).toBeVisible();
  await expect(page.getByText(/^One saved interview cannot be read \(damaged\)/)).toBeVisible();
  await page.getByRole('link', { name: 'start page' }).click();
  await expect(page.getByRole('heading', { name: 'A damaged mock-interview scorecard: “iv-bad”' })).toBeVisible();
});
