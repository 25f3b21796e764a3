import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PlayerPage } from './app';

/**
 * The durability scenario as a learner meets it: opened from the library, an acks=1 record acknowledged
 * and then lost when its leader crashes, and an acks=all write refused with NOT_ENOUGH_REPLICAS, each
 * read from the replicas view and the narration.
 */

const SHOTS = '/tmp/durability-shots';
const TITLE = 'Durability: acks, replicas and leader failover';
const replicas = (page: Page) => page.getByRole('region', { name: 'Replicas', exact: true });

test('acks=1 loses an acknowledged record when its leader dies; acks=all is refused below min.insync.replicas', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/');
  await page.getByRole('link', { name: new RegExp(TITLE.replace(/[()]/g, '\\$&')) }).click();
  await app.ready();
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const view = replicas(page);
  await expect(view.getByRole('listitem', { name: 'broker 1 · leader · in ISR · log end 0' })).toBeVisible();

  // Step 1: legacy-pos writes pay-1 with acks=1; the ack arrives before any follower has it.
  await app.click('Step forward');
  await app.expectStep(1, 19);
  await expect(view.getByRole('listitem', { name: 'broker 1 · leader · in ISR · log end 1' })).toBeVisible();
  await expect(view.getByRole('listitem', { name: 'broker 2 · follower · in ISR · log end 0' })).toBeVisible();
  await expect(view.getByRole('list', { name: 'Producer acknowledgements' })).toContainText(
    'ack arrives: legacy-pos is told offset 0 is written (acks=1)',
  );
  // The prediction comes before the step that answers it.
  const question = page.getByRole('region', { name: /What happens to pay-1\?/ });
  await question.getByRole('radio', { name: /It is lost/ }).check();
  await question.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(question.getByRole('status')).toContainText('(your choice)');

  // Step 2: broker 1 crashes; broker 2 leads without pay-1, which is lost although acknowledged.
  await app.click('Step forward');
  await app.expectStep(2, 19);
  await expect(page.getByRole('heading', { level: 2, name: /pay-1 was acknowledged, and is gone/ })).toBeVisible();
  await expect(page.getByText('with acks=1 an acknowledged record can still be lost')).toBeVisible();
  await expect(
    view.getByRole('listitem', { name: 'broker 1 · follower · down · out of ISR · log end 1' }),
  ).toBeVisible();
  await expect(view.getByRole('listitem', { name: 'broker 2 · leader · in ISR · log end 0' })).toBeVisible();
  await expect(
    view.getByRole('img', {
      name: "offset 0: pay-1, written in leader epoch 0, not in the leader's log: it will be truncated",
    }),
  ).toBeVisible();
  await expect(view).toContainText('Not in the leader’s log: pay-1 (offset 0, on broker 1)');
  const axe = await new AxeBuilder({ page }).include('.replicas-view').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  mkdirSync(SHOTS, { recursive: true });
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await view.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/step2-${w}x${h}.png` });
    // Nothing of the view spills out sideways at this width.
    const box = await view.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= w).toBe(true);
  }
  await page.setViewportSize({ width: 1440, height: 900 });

  // Step 12: the ISR is [3], below min.insync.replicas=2: checkout's acks=all write is refused.
  await app.timeline().fill('12');
  await app.settled();
  await app.expectStep(12, 19);
  await expect(view.getByRole('listitem', { name: 'broker 3 · leader · in ISR · log end 1' })).toBeVisible();
  await expect(
    view.getByRole('listitem', { name: 'broker 2 · follower · down · out of ISR · log end 1' }),
  ).toBeVisible();
  await expect(view.getByRole('list', { name: 'Producer acknowledgements' })).toContainText(
    "refused: NOT_ENOUGH_REPLICAS: checkout's write is refused; nothing is written",
  );
  await expect(view).toContainText('high watermark 1');
  for (const [w, h] of [
    [1440, 900],
    [1280, 720],
    [800, 900],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    await view.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/step12-${w}x${h}.png` });
  }

  // Step 16: an admin's unclean election makes out-of-sync broker 1 leader: committed pay-2 is lost.
  await page.setViewportSize({ width: 1440, height: 900 });
  await app.timeline().fill('16');
  await app.settled();
  await app.expectStep(16, 19);
  await expect(view.getByRole('listitem', { name: 'broker 1 · leader · in ISR · log end 0' })).toBeVisible();
  await expect(view.getByRole('status')).toHaveText(
    'Committed records lost by this election: offset 0 (the new leader’s log does not have it).',
  );
  await expect(view).toContainText(
    'Not in the leader’s log: pay-2 (offset 0, on broker 2); pay-2 (offset 0, on broker 3); pay-4 (offset 1, on broker 3)',
  );
});
