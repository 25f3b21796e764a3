import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

const LAST = 12;

test.describe('Publish/subscribe basics', () => {
  test('start page lists the scenario as a link', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/');
    await expect(page.getByRole('heading', { name: 'Event Lab', level: 1 })).toBeVisible();
    await page.getByRole('link', { name: 'Publish/subscribe basics' }).click();
    await app.ready();
    await app.expectStep(0, LAST);
    await expect(page.getByRole('heading', { name: 'A topic, three partitions and two groups' })).toBeVisible();
  });

  test('step through the whole scenario, step back, play to the end, reload', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/0');
    await expect(app.button('Step back')).toBeDisabled();

    for (let k = 1; k <= LAST; k++) {
      await app.click('Step forward');
      await app.expectStep(k, LAST);
      // Steps 3 and 9 ask a prediction on the diagram: answer it there, so playing through later does not stop.
      const onDiagram = page
        .getByRole('group', { name: 'Your prediction: click it on the diagram' })
        .getByRole('button');
      if (k < LAST && (await onDiagram.count()) > 0) {
        await onDiagram.first().click();
        await app.settled();
      }
    }
    await expect(app.button('Step forward')).toBeDisabled();
    await expect(page.getByRole('heading', { name: 'Takeaways' })).toBeVisible();
    // Six records on the topic, and nothing in an event store: the producers write to the broker only.
    await expect(app.eventRows()).toHaveCount(6);
    await expect(app.eventRows().first()).toContainText('not stored');
    // The last step asks a question: playback waits for it.
    expect(await app.state()).toMatchObject({ step: LAST, storedCount: 0, events: 0, mode: 'asking' });
    await expect(page.getByText('Question — playback waits for you')).toBeVisible();
    await page.getByRole('checkbox', { name: /OrderShipped/ }).check();
    await page.getByRole('checkbox', { name: /PaymentReceived/ }).check();
    await app.click('Answer');
    await expect(page.getByText('Correct.')).toBeVisible();
    expect(await app.state()).toMatchObject({ mode: 'finished' });

    // Step back shows the world one step earlier: step 9 published order-1's OrderShipped.
    for (let k = LAST - 1; k >= 9; k--) {
      await app.click('Step back');
      await app.expectStep(k, LAST);
    }
    await expect(page.getByRole('heading', { name: 'order-1 ships' })).toBeVisible();
    await expect(app.eventRows()).toHaveCount(6);
    await app.click('Step back');
    await app.expectStep(8, LAST);
    await expect(app.eventRows()).toHaveCount(5);
    // Nothing of a direct producer's records is stored: going back recomputes them from the run.
    expect((await app.state()).storedCount).toBe(0);

    // Restart then play to the end at the fastest speed (each step still held long enough to read at 8×).
    await app.click('Restart');
    await app.expectStep(0, LAST);
    await page.getByLabel('Speed').selectOption('8');
    await app.button('Play').click();
    await expect(app.button('Pause')).toBeVisible();
    await expect(page.getByText(`Step ${LAST} / ${LAST}`, { exact: true })).toBeVisible({ timeout: 45_000 });
    await app.settled();
    // Already answered in this run, so playing through does not stop at the question again.
    expect(await app.state()).toMatchObject({ step: LAST, mode: 'finished' });

    // Step back to 5 and reload: same step, same records (recomputed from the run restored from IndexedDB).
    for (let k = LAST - 1; k >= 5; k--) await app.click('Step back');
    await app.expectStep(5, LAST);
    const before = await app.eventRows().allInnerTexts();
    await page.reload();
    await app.ready();
    await app.expectStep(5, LAST);
    expect(await app.eventRows().allInnerTexts()).toEqual(before);
    expect(await app.state()).toMatchObject({ step: 5, storedCount: 0, events: 0 });
    // The count is the current step's, and the status says the truth: these records are not stored.
    const atFive = await app.eventRows().count();
    await expect(page.getByTestId('storage-status')).toContainText(
      `${atFive} records written straight to topics at this step: nothing of them is stored`,
    );
    await expect(page.getByTestId('storage-status')).toContainText(
      'recomputed from your run (its steps and answers are saved in this browser (IndexedDB))',
    );
    await expect(page.getByTestId('storage-status')).not.toContainText('events are kept');
  });

  test('reopening the scenario without a step resumes where the learner left off', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/3');
    await app.page.goto('./#/');
    await app.ready();
    await page.getByRole('link', { name: 'Publish/subscribe basics' }).click();
    await app.ready();
    await app.expectStep(3, LAST);
    await expect(page.getByText('Restored step 3 from your last visit.')).toBeVisible();
  });

  test('a #/s/… link opens the same scenario at the same step', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/4');
    await app.expectStep(4, LAST);
    await expect(page.getByRole('heading', { name: 'Same key, same partition' })).toBeVisible();
    await expect(app.eventRows()).toHaveCount(4);
    await expect(app.eventRows().nth(3)).toContainText('PaymentReceived');
    await expect(app.eventRows().nth(3)).toContainText('orders-1 @ 1');
    await expect(app.timeline()).toHaveValue('4');
  });

  test('the timeline slider scrubs to a step, like stepping there', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/0');
    await app.timeline().fill('7');
    await app.settled();
    await app.expectStep(7, LAST);
    await expect(page.getByRole('heading', { name: 'Another group reads the same events' })).toBeVisible();
    const groups = page.getByRole('table', { name: /Partition ownership/ });
    await expect(groups.getByRole('row', { name: /analytics analytics-1 orders-2/ })).toContainText('1');
  });

  test('keyboard: arrows step, Home restarts', async ({ page }) => {
    const app = new PlayerPage(page);
    await app.open('#/s/pubsub-basics/0');
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toContainText('Play or pause');
    await expect(help.getByRole('table', { name: /records/ })).toContainText('Why this record went to its partition');
    await help.getByRole('button', { name: 'Close' }).click();
    await expect(help).toBeHidden();
    await page.locator('body').press('ArrowRight');
    await app.settled();
    await page.locator('body').press('ArrowRight');
    await app.settled();
    await app.expectStep(2, LAST);
    await page.locator('body').press('ArrowLeft');
    await app.settled();
    await app.expectStep(1, LAST);
    await page.locator('body').press('Home');
    await app.settled();
    await app.expectStep(0, LAST);
  });
});
