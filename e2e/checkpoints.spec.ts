/**
 * World checkpoints (issue 14): a run far from step 0 reopens from its stored checkpoint with exactly
 * the world a replay gives; a damaged checkpoint is ignored; backups leave checkpoints out (they are
 * a cache) and a restored run opens at the same world. Built-ins are too short to get checkpoints
 * (they start at step 100), so the run is a 300-step scenario opened from a share link and forked.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { longScenario } from '../bench/longRun';
import { packText } from '../src/scenarios/io/shareCodec';
import type { ScenarioDef } from '../src/scenarios/schema';
import { PlayerPage } from './app';

const STEP = 250;

/** Steps with a stored checkpoint in a run's database, and a way to damage one (raw IndexedDB). */
const worlds = (page: Page, runId: string, damage: number | null = null) =>
  page.evaluate(
    ({ name, damage }) =>
      new Promise<number[]>((resolve, reject) => {
        const req = indexedDB.open(name);
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('worlds', 'readwrite');
          const store = tx.objectStore('worlds');
          if (damage !== null) {
            const get = store.get(damage);
            get.onsuccess = () => store.put({ ...get.result, world: { step: damage, scenarioId: 7 } });
          }
          const keys = store.getAllKeys();
          tx.oncomplete = () => {
            db.close();
            resolve(keys.result as number[]);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { name: `event-lab-run-${runId}`, damage },
  );

test('a long run reopens from its checkpoint with the replayed world; backups leave checkpoints out', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const app = new PlayerPage(page);
  const base = JSON.parse(readFileSync('src/scenarios/content/pubsub-basics.json', 'utf8')) as ScenarioDef;
  const data = await packText(JSON.stringify({ v: 2, d: longScenario(base, 300, 'long-run'), s: 0 }));
  await app.open(`#/share/${data}`);
  await page.getByRole('button', { name: 'Fork the whole scenario' }).click();
  await expect(page).toHaveURL(/#\/s\/[^/]+\/0$/);
  const id = decodeURIComponent(/#\/s\/([^/]+)\//.exec(page.url())![1]!);
  const runId = `main-${id}`;

  // Far into the run: the world a replay from step 0 gives, and (resting there) its checkpoint.
  await app.open(`#/s/${encodeURIComponent(id)}/${STEP}`);
  expect((await app.state()).step).toBe(STEP);
  const replayed = await page.evaluate(() => window.__eventLab!.worldDump());
  await expect.poll(() => worlds(page, runId), { timeout: 30_000 }).toEqual([STEP]);

  // Reopened from the checkpoint: the same world, effects and narration.
  await page.reload();
  await app.ready();
  expect((await app.state()).step).toBe(STEP);
  expect(await page.evaluate(() => window.__eventLab!.worldDump())).toBe(replayed);
  await app.click('Step forward');
  expect((await app.state()).step).toBe(STEP + 1);
  await app.click('Step back');

  // A damaged checkpoint is ignored: the run replays, to the same world, with no message.
  await worlds(page, runId, STEP);
  await page.reload();
  await app.ready();
  expect(await page.evaluate(() => window.__eventLab!.worldDump())).toBe(replayed);
  await expect(page.getByText(/damaged|cannot be read/i)).toHaveCount(0);

  // A backup holds no checkpoint; the run restored from it opens at the same world.
  await page.goto('./#/');
  await app.ready();
  const mine = page.getByRole('region', { name: 'My scenarios' });
  const download = page.waitForEvent('download');
  await mine.getByRole('button', { name: 'Back up everything' }).click();
  const file = await download;
  const text = readFileSync(await file.path(), 'utf8');
  expect(text).not.toContain('"worlds"');
  expect(text).not.toContain('"broker"');
  await mine.getByRole('button', { name: /^Delete / }).click();
  await expect(mine.getByRole('link', { name: /\(my fork\)/ })).toHaveCount(0);
  await mine
    .getByLabel('Backup file to restore')
    .setInputFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(mine.getByRole('status').filter({ hasText: 'Restored' })).toContainText('Restored 1 scenario');
  await app.open(`#/s/${encodeURIComponent(id)}/${STEP}`);
  expect(await page.evaluate(() => window.__eventLab!.worldDump())).toBe(replayed);
});
