import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * The sagas scenario as a newcomer meets it: from the bare address (as the README says), the start page's
 * learning path lists it under Patterns; opened, the orchestrated ride 8 asks what the orchestrator sends
 * after a declined card before that step runs; stepping on shows the compensation in the saga view (the
 * commands sent, the state chart, the stored events) and the saga ending compensated.
 */

const TITLE = 'Sagas: choreography vs orchestration';

test('from the learning path to a compensated saga, predicting the compensation first', async ({ page }) => {
  const app = new PlayerPage(page);
  await page.goto('./');
  await app.ready();
  expect(new URL(page.url()).hash).toBe('');

  // The start page is a learning path; the saga scenario sits under Patterns, after the earlier groups.
  const groups = page.getByRole('region', { name: /^\d+\. / });
  await expect(groups.first()).toHaveAccessibleName('1. Basics');
  const patterns = page.getByRole('region', { name: /^\d+\. Patterns$/ });
  await patterns.getByRole('link', { name: TITLE, exact: true }).click();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // Step 7: the payout is held and ChargeCard sent; the question asks what comes after a decline, before it happens.
  await app.timeline().fill('7');
  await app.settled();
  await app.expectStep(7, 21);
  const saga = page.getByRole('region', { name: 'Saga orchestrator: Ride payment (orchestrated)' });
  await expect(saga.getByRole('img', { name: /ride-8 in charging/ })).toBeVisible();
  const q = page.getByRole('region', { name: /What does the orchestrator send next\?/ });
  await q.getByRole('radio', { name: /ReleasePayoutHold to payouts and NotifyRider to notifications/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('(your choice)');

  // Step 8: CardDeclined; the orchestrator stores the move, then sends the two compensating commands.
  await app.click('Step forward');
  await app.expectStep(8, 21);
  await expect(
    page.getByRole('heading', { level: 2, name: 'CardDeclined: the orchestrator compensates' }),
  ).toBeVisible();
  await expect(saga.getByRole('img', { name: /ride-8 in compensating/ })).toBeVisible();
  const sent = saga.getByRole('list').filter({ hasText: 'ReleasePayoutHold' });
  await expect(sent).toContainText('ReleasePayoutHold → payouts');
  await expect(sent).toContainText('NotifyRider → notifications');

  // Step 9: the hold is released; ride 8 ends compensated, its four stored events what a restart would read.
  await app.click('Step forward');
  await app.expectStep(9, 21);
  await expect(saga.getByRole('table', { name: 'Sagas' }).getByRole('row', { name: /ride-8/ })).toContainText(
    'compensated',
  );
  const stored = saga.getByRole('table', { name: /Stored events of saga ride-8/ });
  await expect(stored.locator('tbody tr')).toHaveCount(4);
  await expect(stored.locator('tbody tr').last()).toContainText('compensating → compensated');
  await expect(page.getByRole('region', { name: 'Effects of step 9' })).toContainText(/saga/i);
});

test('the saga view after a restart has no serious or critical accessibility violation', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/sagas/18');
  const saga = page.getByRole('region', { name: 'Saga orchestrator: Ride payment (orchestrated)' });
  // The restarted orchestrator resumed ride 10 and sent ChargeCard again; its stored events are the ones shown.
  await expect(saga.getByRole('img', { name: /ride-10 in charging/ })).toBeVisible();
  await expect(saga.getByRole('table', { name: /Stored events of saga ride-10/ }).locator('tbody tr')).toHaveCount(2);
  const result = await new AxeBuilder({ page }).include('.saga-view').analyze();
  const serious = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
  expect(serious).toEqual([]);
});
