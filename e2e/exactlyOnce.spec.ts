import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * The exactly-once scenario as a learner meets it: opened from the library, the read_uncommitted auditor
 * gets the aborted receipt r-2 and the read_committed mailer, one step later, gets no record, told in
 * "What happened" from the run (the aborted offset skipped); the event log names the markers and
 * says the mailer skips the aborted record.
 */

const TITLE = 'Exactly-once: consume, transform, produce';

test('a read_uncommitted reader gets the aborted receipt; a read_committed reader skips it', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await page.getByRole('link', { name: TITLE, exact: true }).click();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();

  // Step 17: the auditor (read_uncommitted) reads r-1 and the aborted r-2.
  await app.timeline().fill('17');
  await app.settled();
  await app.expectStep(17, 28);
  await expect(page.getByRole('heading', { level: 2, name: /reads the aborted receipt/ })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Effects of step 17' })).toContainText('auditor-1 fetches 2 records');

  // Step 18: the mailer (read_committed) gets nothing: offset 2 is aborted, 3 is the ABORT marker.
  await app.timeline().fill('18');
  await app.settled();
  await app.expectStep(18, 28);
  await expect(page.getByRole('heading', { level: 2, name: /skips the aborted receipt/ })).toBeVisible();
  const effects = page.getByRole('region', { name: 'Effects of step 18' });
  const fetch = effects.getByRole('button', { name: /mailer-1 fetches 0 records/ });
  await fetch.click();
  await expect(effects).toContainText('skipped aborted offsets 2 (read_committed)');
  await expect(effects).toContainText('position now 4');
  // The markers are listed as what they are, never as tombstones.
  const log = page.getByRole('table', { name: /Records and events so far/ });
  await expect(log).toContainText('ABORT marker');
  await expect(log).toContainText('COMMIT marker');
  await expect(log).not.toContainText('tombstone');
  // The aborted r-2: the auditor has passed it, the read_committed mailer will never receive it.
  await expect(log.getByRole('row', { name: /receipts-0 @ 2/ })).toContainText(
    'done: audit · skips it (aborted, read_committed): mailer',
  );
});
