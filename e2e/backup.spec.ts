import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

const myScenarios = (page: Page) => page.getByRole('region', { name: 'My scenarios' });

async function forkAt(app: PlayerPage, hash: string) {
  await app.open(hash);
  await app.fork();
  await app.ready();
  await expect(app.page.getByRole('heading', { level: 1, name: /\(my fork\)/ })).toBeVisible();
}

async function backUp(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await myScenarios(page).getByRole('button', { name: 'Back up everything' }).click();
  const d = await download;
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

const restore = (page: Page, name: string, text: string) =>
  myScenarios(page)
    .getByLabel('Backup file to restore')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });

test('back up everything, delete a fork, restore the backup and find it again where it was left', async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const app = new PlayerPage(page);
  await forkAt(app, '#/s/pubsub-basics/3');
  await app.click('Step back');
  await expect(page).toHaveURL(/\/2$/);
  const forkUrl = page.url();

  await page.goto('./#/');
  await app.ready();
  const mine = myScenarios(page);
  await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toHaveCount(1);
  const backup = await backUp(page);
  expect(backup.name).toMatch(/^event-lab-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const json = JSON.parse(backup.text);
  expect(json.kind).toBe('event-lab-backup');
  expect(json.scenarios).toHaveLength(1);
  expect(json.progress.map((p: { scenarioId: string }) => p.scenarioId)).toEqual(
    expect.arrayContaining(['pubsub-basics', json.scenarios[0].scenarioId]),
  );
  await expect(mine.getByRole('status')).toContainText('Backed up 1 saved scenario');

  await mine.getByRole('button', { name: /^Delete / }).click();
  await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toHaveCount(0);

  await restore(page, backup.name, backup.text);
  await expect(mine.getByRole('status').filter({ hasText: 'Restored' })).toContainText('Restored 1 scenario');
  await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toHaveCount(1);

  // Restoring the same file again changes nothing and says so.
  await restore(page, backup.name, backup.text);
  await expect(mine.getByRole('status').filter({ hasText: 'Restored' })).toContainText(
    'Restored 0 scenarios (1 already here)',
  );

  await mine.getByRole('link', { name: /\(my fork\)/ }).click();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: /\(my fork\)/ })).toBeVisible();
  // Where the learner left off (step 2 of the fork).
  await expect(page).toHaveURL(forkUrl);

  // Another browser (nothing stored): the backup brings back the fork and how far the learner got (step 3).
  const fresh = await browser.newContext({ reducedMotion: 'reduce', baseURL: new URL('./', page.url()).href });
  const other = new PlayerPage(await fresh.newPage());
  await other.open('#/');
  await restore(other.page, backup.name, backup.text);
  await expect(myScenarios(other.page).getByRole('status')).toHaveText(
    'Restored 1 scenario and progress in 2 scenarios.',
  );
  await myScenarios(other.page)
    .getByRole('link', { name: /\(my fork\)/ })
    .click();
  await other.ready();
  await expect(other.page).toHaveURL(forkUrl.replace(/\/2$/, '/3'));
  await expect(other.page.getByText(/Restored step 3 from your last visit/)).toBeVisible();
  await fresh.close();
});

test('a corrupt backup is refused whole, naming the JSON path, and the list is unchanged', async ({ page }) => {
  const app = new PlayerPage(page);
  await forkAt(app, '#/s/pubsub-basics/2');
  await page.goto('./#/');
  await app.ready();
  const mine = myScenarios(page);
  const backup = await backUp(page);
  const before = await mine.getByRole('listitem').allInnerTexts();

  // A second scenario that would be new, and a broken first one: nothing may land.
  const json = JSON.parse(backup.text);
  json.scenarios.push({
    ...json.scenarios[0],
    scenarioId: 'would-be-new',
    title: 'Would be new',
    document: { ...json.scenarios[0].document, id: 'would-be-new' },
  });
  json.scenarios[0].document.steps[1].action.topic = 'nowhere';
  await restore(page, 'broken.json', JSON.stringify(json));
  const alert = mine.getByRole('alert');
  await expect(alert).toContainText('Not restored');
  await expect(alert).toContainText('scenarios[0].document.steps[1].action.topic');
  await expect(alert).toContainText('Nothing was changed.');
  await expect(mine.getByRole('listitem')).toHaveText(before, { useInnerText: true });

  await restore(page, 'not-json.json', '{"kind": "event-lab-backup", ');
  await expect(mine.getByRole('alert')).toContainText('(root)');
  await expect(mine.getByRole('listitem')).toHaveText(before, { useInnerText: true });

  // A dropped backup is recognised and restored, not imported as a scenario.
  await mine.getByRole('button', { name: /^Delete / }).click();
  await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toHaveCount(0);
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'backup.json', { type: 'application/json' }));
    return dt;
  }, backup.text);
  await mine.dispatchEvent('drop', { dataTransfer });
  await expect(mine.getByRole('status').filter({ hasText: 'Restored' })).toContainText('Restored 1 scenario');
  await expect(mine.getByRole('listitem')).toHaveText(before, { useInnerText: true });
});
