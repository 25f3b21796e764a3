import { readFileSync } from 'node:fs';
import { underStrictCsp } from './csp';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

test('fork ride-sharing mid-way, edit it, run it, reload it; export, delete, import it back', async ({ page }) => {
  // The longest journey in the suite (two builds of the world, an edit, three reloads, two downloads).
  test.setTimeout(180_000);
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/10');
  await app.fork();
  await expect(page).toHaveURL(/#\/s\/ride-sharing-fork-1\/10$/);
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: /\(my fork\)/ })).toBeVisible();
  await app.expectStep(10, 10);

  // Add an event type and a step in the design forms (no JSON typed), validated as typed.
  await page.getByText('Edit this scenario', { exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Design' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('heading', { name: /^Event types \(/ }).click();
  await page.getByRole('button', { name: 'Add event type' }).click();
  const eventType = page.getByRole('group', { name: /^event type: / }).last();
  // A present-tense name is flagged right next to the field, with a fix.
  await eventType.getByLabel('Name', { exact: true }).fill('AddTip');
  await expect(eventType.getByText(/Design (error|warning)/).first()).toBeVisible({ timeout: 30_000 });
  await eventType.getByLabel('Name', { exact: true }).fill('TipAdded');
  await eventType.getByRole('button', { name: 'Add field' }).click();
  const field = eventType.getByRole('group', { name: /^field: / });
  await field.getByLabel('Field name').fill('amount');
  await field.getByLabel('Type').selectOption('number');

  await page.getByRole('heading', { name: /^Script \(/ }).click();
  await page.getByRole('button', { name: 'Add step' }).click();
  const step = page.getByRole('group', { name: /^step: 11\. / });
  await step.getByLabel('Title', { exact: true }).fill('A tip');
  await step.getByLabel('Narration').fill('The rider adds a tip.');
  await step.getByLabel('What happens').selectOption({ label: 'a producer publishes a record' });
  await step.getByLabel('Event type').fill('TipAdded');
  await step.getByLabel('Stream', { exact: true }).fill('tip-1');
  await step.getByLabel('Record key').fill('ride-42');
  await step.getByRole('button', { name: 'Add field to Data' }).click();
  await step.getByLabel('Data: name of field 1').fill('amount');
  await step.getByLabel('Data: amount: kind of value').selectOption('number');
  await step.getByLabel('Data: amount', { exact: true }).fill('2');
  // The same draft, seen as JSON.
  await page.getByRole('tab', { name: 'JSON' }).click();
  const doc = JSON.parse(await page.getByLabel('Scenario JSON').inputValue());
  expect(doc.steps.at(-1).action.event).toMatchObject({
    eventType: 'TipAdded',
    streamId: 'tip-1',
    key: 'ride-42',
    data: { amount: 2 },
  });
  expect(doc.topology.eventTypes.at(-1)).toEqual({
    name: 'TipAdded',
    schemaVersion: 1,
    fields: [{ name: 'amount', type: 'number' }],
  });
  await expect(page.getByText('Valid scenario.')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeEnabled({ timeout: 30_000 });
  const reloaded = page.waitForEvent('load'); // Save reloads the page (see below)
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await reloaded;
  await app.ready();
  await page.goto('./#/s/ride-sharing-fork-1/11');
  await app.ready();
  await expect(page.getByRole('heading', { name: 'A tip' })).toBeVisible();
  await app.expectStep(11, 11);

  // Listed under My scenarios; export, delete, import back.
  await page.goto('./#/');
  await app.ready();
  const mine = page.getByRole('region', { name: 'My scenarios' });
  await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toBeVisible();
  await mine.getByRole('link', { name: /\(my fork\)/ }).click();
  await app.ready();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await (await download).path();
  const exported = readFileSync(file, 'utf8');
  expect(JSON.parse(exported).steps).toHaveLength(11);

  await page.goto('./#/');
  await app.ready();
  await mine.getByRole('button', { name: /^Delete / }).click();
  await expect(mine.getByText(/Deleted “/)).toBeVisible();
  await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toHaveCount(0);
  await mine
    .getByLabel('Scenario file to import')
    .setInputFiles({ name: 'fork.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(mine.getByText(/Imported “/)).toBeVisible();
  await mine.getByRole('link', { name: /\(my fork\)/ }).click();
  await app.ready();
  const again = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  expect(readFileSync(await (await again).path(), 'utf8')).toBe(exported);
});

test('an invalid import is refused with the path of the problem and changes nothing', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  const mine = page.getByRole('region', { name: 'My scenarios' });
  await mine.getByLabel('Scenario file to import').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"schemaVersion": 1, "id": "x", "__proto__": {"polluted": true}}'),
  });
  await expect(mine.getByRole('alert')).toContainText('Not imported');
  await expect(mine.getByRole('alert')).toContainText('__proto__');
  await expect(mine.getByText('Nothing yet.')).toBeVisible();
});

test('the linter flags a present-tense event name in the editor', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/2');
  await app.fork();
  await app.ready();
  await page.getByText('Edit this scenario', { exact: true }).click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByLabel('Scenario JSON');
  await editor.fill((await editor.inputValue()).replaceAll('"OrderPlaced"', '"PlaceOrder"'));
  await expect(page.locator('.lint')).toContainText('event-past-tense'.length ? 'PlaceOrder' : '');
  await expect(page.getByRole('heading', { name: 'Event design review' })).toBeVisible();
});

test('the built app runs under a strict Content-Security-Policy without violations', async ({ page }) => {
  const { violations } = await underStrictCsp(page);
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/6');
  await app.click('Step forward');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(violations).toEqual([]);
});

test('“Design your own answer” starts a blank scenario carrying the exercise’s question, editable in forms', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const app = new PlayerPage(page);
  await app.open('#/s/ride-sharing/0');
  await page.getByRole('button', { name: 'Design your own answer' }).click();
  await expect(page).toHaveURL(/#\/s\/ride-sharing-design-1\/0$/);
  await app.ready();
  await expect(
    page.getByRole('heading', { level: 1, name: 'My design: Design a ride-sharing app (a practice question)' }),
  ).toBeVisible();
  await page.getByText('Edit this scenario', { exact: true }).click();
  await page.getByRole('heading', { name: /^Event types \(1\)/ }).click();
  const eventType = page.getByRole('group', { name: /^event type: / }).first();
  await expect(eventType).toHaveAccessibleName(/SomethingHappened/);
  await eventType.locator('summary').click();
  // Renaming an event type offers to rename the places that refer to it (the step that publishes it).
  await eventType.getByLabel('Name', { exact: true }).fill('RideRequested');
  await eventType.getByLabel('Schema version').focus();
  await page.getByRole('button', { name: 'Rename them to “RideRequested”' }).click();
  await expect(page.getByText('Valid scenario.')).toBeVisible({ timeout: 30_000 });
  // Save reloads the page: wait for that load from before the click, so a reload that lands while
  // the click is still being acknowledged is not missed (it was, on a busy machine).
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await reloaded;
  await app.ready();
  await app.click('Step forward');
  await app.click('Step forward');
  await app.expectStep(2, 2);
});

test('“New blank scenario” on the start page opens a design of one’s own that runs and is listed', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await page.getByRole('region', { name: 'My scenarios' }).getByRole('button', { name: 'New blank scenario' }).click();
  await expect(page).toHaveURL(/#\/s\/my-design-1\/0$/);
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: 'My design' })).toBeVisible();
  await app.click('Step forward');
  await expect(page.getByRole('heading', { name: 'Something happens' })).toBeVisible();
  await page.goto('./#/');
  await app.ready();
  await expect(
    page.getByRole('region', { name: 'My scenarios' }).getByRole('link', { name: 'My design' }),
  ).toBeVisible();
});

test('the Fork buttons say what they keep: up to this step, or the whole scenario', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/3');
  await expect(app.forkButton(page)).toHaveText('Fork up to step 3');
  await expect(app.forkButton(page)).toHaveAttribute('title', /later steps are left out/);
  await page.getByRole('button', { name: 'Fork the whole scenario' }).click();
  await expect(page).toHaveURL(/#\/s\/pubsub-basics-fork-1\/3$/);
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: /\(my fork\)/ })).toBeVisible();
  await app.expectStep(3, 12);
  // At the last step there is nothing more to keep: one button.
  await app.timeline().fill('12');
  await app.settled();
  await expect(app.forkButton(page)).toHaveText('Fork up to step 12');
  await expect(page.getByRole('button', { name: 'Fork the whole scenario' })).toHaveCount(0);
});
