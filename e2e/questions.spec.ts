import { expect, test } from '@playwright/test';
import { PlayerPage } from './app';

/** A question on screen always accepts an answer, however the learner reached it. */

const answerTheLastQuestion = async (app: PlayerPage) => {
  const q = app.page.getByRole('region', { name: 'Which of these messages are events?' });
  await q.getByRole('checkbox', { name: /OrderShipped/ }).check();
  await q.getByRole('checkbox', { name: /PaymentReceived/ }).check();
  await q.getByRole('button', { name: 'Answer', exact: true }).click();
  await expect(q.getByRole('status')).toContainText('(your choice)');
};

test('Answer works after a jump by the timeline', async ({ page }) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/2');
  await app.timeline().fill('12');
  await app.settled();
  await answerTheLastQuestion(app);
});

test('Answer works after a reload and after a link straight to the question, and the answer is kept', async ({
  page,
}) => {
  const app = new PlayerPage(page);
  await app.open('#/s/pubsub-basics/12');
  await page.reload();
  await app.ready();
  await answerTheLastQuestion(app);
  await app.settled();
  await page.reload();
  await app.ready();
  await expect(
    page.getByRole('region', { name: 'Which of these messages are events?' }).getByRole('status'),
  ).toContainText('(your choice)');
});
