import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { seededOrder } from '../src/scenarios/practiceOrder';
import { PlayerPage } from './app';

const SEED = 'e2eseed1';
const doc = JSON.parse(readFileSync('src/scenarios/content/ride-sharing.json', 'utf8'));
const authored = (qid: string): string[] =>
  doc.practice.questions.find((q: { id: string }) => q.id === qid).choices.map((c: { text: string }) => c.text);

/** A fixed per-device seed, so the shuffled order is known to the test. */
async function withSeed(page: Page) {
  await page.addInitScript((seed) => localStorage.setItem('event-lab-learner-seed', seed), SEED);
}

const choiceLabels = (page: Page, question: string) =>
  page.getByRole('region', { name: question }).locator('label.choice').allInnerTexts();

test('practice first: the run that gives the answers away stays hidden until the learner watches it', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  await expect(page.getByRole('heading', { name: 'Practice: design it yourself first' })).toBeVisible();
  // Step 0's narration describes the reference design: not shown while the questions are open.
  await expect(page.getByText(/this run is the reference answer/)).toHaveCount(0);
  await expect(page.getByRole('table', { name: /Records and events so far/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Skip the practice and watch the reference run' }).click();
  await expect(page.getByText(/this run is the reference answer/)).toBeVisible();
});

test('wrong choices are graded wrong with why, never credited; free text is judged by the learner', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');

  const accept = page.getByRole('region', { name: 'How would you handle a driver accepting a ride?' });
  await accept.getByRole('checkbox', { name: 'Take a distributed lock across all drivers' }).check();
  await accept.getByLabel('In your own words').fill('Exactly one driver wins; the other is refused.');
  await accept.getByRole('button', { name: 'Compare with the reference' }).click();
  await app.settled();
  await expect(accept.getByRole('status')).toHaveText('Your choices: 0 in the reference, 1 wrong, 5 left out.');
  const lock = accept.getByRole('listitem').filter({ hasText: '✗ wrong' });
  await expect(lock).toContainText('distributed lock');
  await expect(lock).toContainText('Why not:');
  await expect(lock).toContainText(/expected revision/);
  await expect(lock).toContainText(/lease can expire mid-write/);
  await expect(accept.getByText('✓ in the reference')).toHaveCount(0);
  await expect(accept.getByText('✓ covered')).toHaveCount(0);
  // The learner's words beside the reference, judged by the learner, point by point.
  await expect(accept.getByText('Exactly one driver wins; the other is refused.')).toBeVisible();
  await expect(accept.getByRole('heading', { name: 'Reference answer' })).toBeVisible();
  const onePoint = accept.getByRole('group', { name: /Did your answer cover: Exactly one driver wins/ });
  await onePoint.getByRole('button', { name: 'yes' }).click();
  await app.settled();
  await expect(onePoint.getByRole('button', { name: 'yes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(accept.getByText('you judged: covered')).toBeVisible();

  const consumers = page.getByRole('region', { name: 'Which consumers need them?' });
  await consumers
    .getByRole('checkbox', { name: 'All services in one consumer group so that each event is handled once' })
    .check();
  await consumers.getByRole('button', { name: 'Compare with the reference' }).click();
  await app.settled();
  const oneGroup = consumers.getByRole('listitem').filter({ hasText: '✗ wrong' });
  await expect(oneGroup).toContainText('All services in one consumer group');
  await expect(oneGroup).toContainText(/each event reaches only one member/);
  await expect(consumers.getByText('✓ in the reference')).toHaveCount(0);

  const events = page.getByRole('region', { name: 'Which events are published?' });
  await events.getByLabel('In your own words').fill('PaymentProcessed');
  await events.getByRole('button', { name: 'Compare with the reference' }).click();
  await app.settled();
  await expect(events.getByRole('status')).toHaveText('Your choices: 0 in the reference, 0 wrong, 7 left out.');
  await expect(events.getByText('✓ covered')).toHaveCount(0);

  // Answers and the learner's own judgement are part of the run: they survive a reload.
  await page.reload();
  await app.ready();
  const again = page.getByRole('region', { name: 'How would you handle a driver accepting a ride?' });
  await expect(again.getByRole('listitem').filter({ hasText: '✗ wrong' })).toContainText('distributed lock');
  await expect(again.getByText('you judged: covered')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Watch the reference run' })).toBeVisible();
});

test('choices are shuffled per learner, and in the same order after a reload', async ({ page }) => {
  await withSeed(page);
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  const question = 'How would you handle a driver accepting a ride?';
  const shown = await choiceLabels(page, question);
  const expected = seededOrder(authored('accept'), SEED, 'ride-sharing/practice:accept');
  expect(shown.map((s) => s.trim())).toEqual(expected);
  expect(expected).not.toEqual(authored('accept'));
  await page.reload();
  await app.ready();
  expect(await choiceLabels(page, question)).toEqual(shown);
});

test('a hint ladder: three hints, each opened by the learner, kept after a reload, and noted without penalty', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  const accept = page.getByRole('region', { name: 'How would you handle a driver accepting a ride?' });
  const hints = accept.getByRole('list', { name: 'Hints' });
  await expect(hints).toHaveCount(0);
  await accept.getByRole('button', { name: 'Need a hint? Show hint 1 of 3' }).click();
  await app.settled();
  await expect(hints.getByRole('listitem')).toHaveCount(1);
  await expect(hints).toContainText('Two drivers tap Accept');
  await accept.getByRole('button', { name: 'Show hint 2 of 3 (more specific)' }).click();
  await app.settled();
  await expect(hints.getByRole('listitem')).toHaveCount(2);
  await expect(hints).toContainText('revision');

  // Opened hints are part of the run: a reload keeps them.
  await page.reload();
  await app.settled();
  await expect(hints.getByRole('listitem')).toHaveCount(2);
  await accept.getByRole('button', { name: 'Show hint 3 of 3 (more specific)' }).click();
  await app.settled();
  await expect(hints.getByRole('listitem')).toHaveCount(3);
  await expect(accept.getByRole('button', { name: /Show hint/ })).toHaveCount(0);

  await accept
    .getByRole('checkbox', { name: /expected revision/i })
    .first()
    .check();
  await accept.getByRole('button', { name: 'Compare with the reference' }).click();
  await app.settled();
  await expect(
    accept.getByText(/You used 3 of 3 hints — hints are there to be used; nothing is taken off\./),
  ).toBeVisible();
});
