import { readFileSync } from 'node:fs';
import { expect, type Page } from '@playwright/test';
import type { PlayerPage } from './app';

/** The practice's reference made poor, as a learner would: no key on the relay route, a payments consumer that charges every delivery. */
export function poorDesign(id: string, title: string, intro: unknown): string {
  const doc = JSON.parse(readFileSync('src/scenarios/content/ride-sharing.json', 'utf8'));
  Object.assign(doc, { id, title, intro });
  delete doc.order;
  doc.topology.relay.routes[0].key = null;
  delete doc.topology.topics.find((t: { name: string }) => t.name === 'rides').keyField;
  doc.topology.groups.find((g: { id: string }) => g.id === 'payments').idempotent = false;
  for (const c of doc.topology.aggregates[1].commands) if (c.command === 'ChargeFare') c.when.push('captured');
  return JSON.stringify(doc, null, 2);
}

/**
 * From the ride-sharing practice: "Design your own answer", the poor design written in the JSON tab and saved,
 * without the practice's questions (as a design started from the exercise has none: its hints sit beside the grade).
 */
export async function startPoorDesign(page: Page, app: PlayerPage) {
  await app.open('#/s/ride-sharing/0');
  await page.getByRole('button', { name: 'Design your own answer' }).click();
  await expect(page).toHaveURL(/#\/s\/ride-sharing-design-1\/0$/);
  await app.ready();
  await page.getByText('Edit this scenario', { exact: true }).click();
  await page.getByRole('tab', { name: 'JSON' }).click();
  const editor = page.getByLabel('Scenario JSON');
  const blank = JSON.parse(await editor.inputValue());
  const poor = JSON.parse(poorDesign(blank.id, blank.title, blank.intro));
  delete poor.practice;
  await editor.fill(JSON.stringify(poor, null, 2));
  await expect(page.getByText('Valid scenario.')).toBeVisible({ timeout: 30_000 });
  const reloaded = page.waitForEvent('load');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await reloaded;
  await app.ready();
}
