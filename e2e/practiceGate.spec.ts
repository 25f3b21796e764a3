import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { PlayerPage } from './app';

const TITLE = 'Design a ride-sharing app (a practice question)';
/** The header's actions that hand over the reference design (its events, topics, consumers). */
const HELD = ['Fork up to step 0', 'Fork the whole scenario', 'Export', 'AsyncAPI', 'Run it for real'];

const actions = (page: Page) => page.getByRole('group', { name: 'Scenario' });
/** A scenario's card on the start page, by its title. */
const card = (page: Page, title: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });
const AFTER = 'Concepts are shown after the practice.';
/** Ride-sharing's concept tags that name its practice's answers. */
const ANSWERING = ['idempotent consumer', 'outbox relay', 'expected revision', 'optimistic concurrency'];
/** What its summary tells of the run that the practice asks the learner to work out (how an accept is handled…). */
const OUTCOMES = ['two drivers who accept at once', 'the first charge fails and a retry succeeds'];
/** Its teaser, the card's text until the practice is over: the scene only. */
const TEASER = "Then watch the reference answer play one ride through, Maya's trip from Soho Square to King's Cross.";

async function progressSettled(page: Page) {
  await page.waitForFunction(() => typeof window.__eventLab?.progressSettled === 'function');
  await page.evaluate(() => (window.__eventLab!.progressSettled as () => Promise<void>)());
}

/** Answers the three practice questions in the learner's own words. */
async function answerAll(page: Page) {
  for (const question of [
    'Which events are published?',
    'Which consumers need them?',
    'How would you handle a driver accepting a ride?',
  ]) {
    const q = page.getByRole('region', { name: question });
    await q.getByLabel('In your own words').fill('My own design.');
    await q.getByRole('button', { name: 'Compare with the reference' }).click();
  }
}

/** The player is one `main` landmark and every part of it is inside a landmark (axe: landmark-one-main, region). */
async function landmarks(page: Page) {
  const result = await new AxeBuilder({ page }).withRules(['landmark-one-main', 'region']).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);
}

/** The practice card at 1440×900 and 800×1000, for looking at (test-results/practice-card-<when>-<width>.png). */
async function photographCard(page: Page, practice: Locator, when: 'before' | 'after') {
  for (const [w, h] of [
    [1440, 900],
    [800, 1000],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await practice.scrollIntoViewIfNeeded();
    await practice.screenshot({ path: `test-results/practice-card-${when}-${w}.png` });
  }
}

test('the practice gives nothing of the reference away before the learner answers or skips it', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.openFromLearningPath('Design practice', TITLE);
  await expect(page).toHaveURL(/#\/s\/ride-sharing(\/0)?$/);
  await expect(
    page.getByText('The run is the reference answer, so it stays hidden while 3 questions are open.'),
  ).toBeVisible();

  // Every header action that would show the design is there, disabled, with its reason.
  const reason =
    'Fork, Export, AsyncAPI, Run it for real and Run on another broker hand over the reference design, so they wait while 3 practice questions are open (or until you skip the practice and watch the reference run).';
  await expect(page.getByText(reason)).toBeVisible();
  for (const name of [...HELD, 'Run on another broker']) {
    const button = actions(page).getByRole('button', { name, exact: true });
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription(reason);
  }
  await expect(page.getByRole('link', { name: 'Run on another broker' })).toHaveCount(0);
  // Sharing opens this same practice, gated, elsewhere; designing one's own starts from the question.
  await expect(actions(page).getByRole('button', { name: 'Share link' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Design your own answer' })).toBeEnabled();

  // Nothing of the run: no playback, design editor, comparison, event log or inspector.
  for (const name of ['Play', 'Step forward'])
    await expect(page.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(page.getByText('Edit this scenario', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Compare with the ride-sharing reference/ })).toHaveCount(0);
  await expect(page.getByRole('table', { name: /Records and events so far/ })).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: 'Inspector' })).toHaveCount(0);
  // The shortcuts do not step into the hidden run.
  await page.locator('body').press('ArrowRight');
  await page.locator('body').press('Space');
  await app.settled();
  expect((await app.state()).step).toBe(0);
  await expect(page.getByRole('heading', { name: 'Practice: design it yourself first' })).toBeVisible();
  await landmarks(page);
  // Nor the cheat sheet: ride-sharing's takeaways and key figures are the reference design.
  await page.goto('./#/cheat-sheet/ride-sharing');
  const sheet = page.getByRole('region', { name: TITLE });
  await expect(sheet).toContainText(
    'Its takeaways, key figures and concepts are the reference design’s answers to its practice',
  );
  await expect(sheet.getByRole('heading', { name: 'Key figures' })).toHaveCount(0);
  await expect(sheet).not.toContainText('Topic “rides”');
  // Its concept tags name answers too (idempotent consumer, outbox relay…).
  await expect(sheet).toContainText(AFTER);
  for (const c of ANSWERING) await expect(sheet).not.toContainText(c);
  await page.goBack();
  await app.ready();

  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 1000],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/practice-gate-${w}.png` });
  }

  // The learner's explicit choice: everything opens.
  await page.getByRole('button', { name: 'Skip the practice and watch the reference run' }).click();
  for (const name of HELD) await expect(actions(page).getByRole('button', { name, exact: true })).toBeEnabled();
  await expect(actions(page).getByRole('link', { name: 'Run on another broker' })).toHaveAttribute(
    'href',
    '#/s/ride-sharing/on/rabbitmq/0',
  );
  await expect(page.getByText(reason)).toHaveCount(0);
  await page.locator('body').press('ArrowRight');
  await app.settled();
  expect((await app.state()).step).toBe(1);
  await landmarks(page);
});

test('once every practice question is answered, the actions open with the reference run', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.openFromLearningPath('Design practice', TITLE);
  await answerAll(page);
  await app.settled();
  const reason =
    'Fork, Export, AsyncAPI, Run it for real and Run on another broker hand over the reference design: they open when you watch the reference run.';
  await expect(page.getByText(reason)).toBeVisible();
  await expect(actions(page).getByRole('button', { name: 'Export', exact: true })).toHaveAccessibleDescription(reason);
  await page.getByRole('button', { name: 'Watch the reference run', exact: true }).click();
  for (const name of HELD) await expect(actions(page).getByRole('button', { name, exact: true })).toBeEnabled();
});

test('the start page’s practice card names no concept before the practice is answered, and every one after', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await page.goto('./');
  await app.ready();
  const practice = card(page, TITLE);
  await expect(practice).toContainText(AFTER);
  for (const c of ANSWERING) await expect(practice).not.toContainText(c);
  // Nor does its summary tell the race or the failed charge: the teaser sets the scene.
  await expect(practice).toContainText(TEASER);
  for (const o of OUTCOMES) await expect(practice).not.toContainText(o);
  // A scenario without a practice keeps its tags, the same words among them.
  await expect(card(page, 'Designing good events')).toContainText('idempotent consumer');
  await photographCard(page, practice, 'before');

  await practice.getByRole('link', { name: TITLE, exact: true }).click();
  await app.ready();
  await answerAll(page);
  await app.settled();
  await progressSettled(page);
  await page.goto('./');
  await app.ready();
  for (const c of ANSWERING) await expect(practice).toContainText(c);
  await expect(practice).not.toContainText(AFTER);
  for (const o of OUTCOMES) await expect(practice).toContainText(o);
  await expect(practice).not.toContainText('play one ride through');
  await photographCard(page, practice, 'after');
  // The cheat sheet lists them now too.
  await page.goto('./#/cheat-sheet/ride-sharing');
  await expect(page.getByRole('region', { name: TITLE })).toContainText(`Concepts: event design`);
});

test('skipping the practice shows its concepts on the start page, on this page', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.openFromLearningPath('Design practice', TITLE);
  await page.getByRole('button', { name: 'Skip the practice and watch the reference run' }).click();
  // Back to the start page without stepping in (nothing of the run is stored): the skip is remembered.
  await page.goBack();
  await app.ready();
  const practice = card(page, TITLE);
  for (const c of ANSWERING) await expect(practice).toContainText(c);
  await expect(practice).not.toContainText(AFTER);
  for (const o of OUTCOMES) await expect(practice).toContainText(o);
});
