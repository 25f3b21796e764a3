import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

test('Run it for real: a built-in scenario exported for RabbitMQ, downloaded as a zip holding the project', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics');
  await page.getByRole('button', { name: 'Run it for real' }).click();
  const dialog = page.getByRole('dialog', { name: 'Run it for real' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /RabbitMQ/ }).check();
  await expect(dialog.getByText(/6 record\(s\) on 1 topic\(s\), 2 consumer group\(s\)/)).toBeVisible();
  await expect(dialog.getByText(/RabbitMQ has no partitions/)).toBeVisible();
  await expect(dialog.getByText('npm install && node run.js')).toBeVisible();
  // The open dialog passes axe with no serious or critical violation.
  const axe = await new AxeBuilder({ page }).include('.run-for-real').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download pubsub-basics-rabbitmq.zip' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('pubsub-basics-rabbitmq.zip');

  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  expect(Object.keys(files).sort()).toEqual(
    ['README.md', 'compare.js', 'package.json', 'run.js', 'run.json'].map((f) => `pubsub-basics-rabbitmq/${f}`),
  );
  const pkg = JSON.parse(strFromU8(files['pubsub-basics-rabbitmq/package.json']!));
  expect(pkg.dependencies).toEqual({ amqplib: '2.3.1' });
  const run = JSON.parse(strFromU8(files['pubsub-basics-rabbitmq/run.json']!));
  expect(run).toMatchObject({ target: 'rabbitmq', scenario: { id: 'pubsub-basics' } });
  expect(run.records).toHaveLength(6);
  expect(run.groups.map((g: { id: string }) => g.id)).toEqual(['billing', 'analytics']);

  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
