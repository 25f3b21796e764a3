import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { MockInterviewPage, type StageAnswers } from './mockInterviewPage';

const SHOTS = '/tmp/mock-interview-shots';

/** The payments-wallet prompt answered as its reference design does. */
const WALLET_REFERENCE: StageAnswers = {
  events: ['WalletCredited', 'MerchantPaid', 'TopUpFailed'],
  topics: ['By wallet id', 'By top-up id', /^The Wallet aggregate stores it/, 'Apache Kafka'],
  consumers: [
    /^The Wallet aggregate: both are decided on the same revision/,
    /^Skips it: the group deduplicates/,
    /^Record TopUpFailed, show it in the app/,
  ],
  readModels: [/^Balance: one row per wallet/, /^History: one row per wallet/],
};

test("the payments wallet's 'Ada taps Pay again' is run: trusting her not to tap twice pays twice, and the run opens at her payment", async ({
  page,
}) => {
  const iv = new MockInterviewPage(page);
  await iv.open();
  // This start time's seed draws the phone-offline and reprocess what-ifs for the 20-minute interview.
  await iv.toPhoneOfflineAndReprocess(
    'Payments wallet',
    [
      'Can two payments at once spend the same money?',
      'Must a top-up be credited exactly once, even when messages are redelivered?',
    ],
    WALLET_REFERENCE,
  );
  await iv.answerWhatIfsWith([
    [/^Ada's phone goes offline while paying/, 'Nothing: she should not tap twice'],
    [/^A deploy of the ledger had a bug all day/, /^Stop the group, reset its offsets/],
  ]);
  await iv.next();

  await expect(iv.scorecardHeading()).toBeFocused();
  // Run on the design this answer built (the Wallet no longer checks the payment id): the repeat is paid.
  const payAgain = iv.run('Ada taps Pay again after her phone reconnects (the same payment id)');
  await expect(payAgain).toContainText('✗ fail');
  await expect(payAgain).toContainText('Paid twice: 2 MerchantPaid for paymentId p-3 by the end of the run.');

  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await payAgain.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/wallet-pay-again-1280x720.png` });

  // The failing run opens in the player on the design it played (its two steps added, no fault: the saved
  // design itself), at Ada's payment; the next step is the same payment sent again, accepted a second time.
  await payAgain.getByRole('button', { name: /^Open this run at step 10 — Ada taps Pay again/ }).click();
  await expect(page).toHaveURL(/#\/s\/[^/]+\/10$/);
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByRole('heading', { level: 1, name: /^My mock-interview design/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Step / })).toHaveText('Step 10 / 13');
  await expect(page.getByRole('heading', { level: 2, name: 'Ada pays the bakery 10 from her phone' })).toBeVisible();
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: "Ada's phone reconnects" })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Effects of step 11' })).toContainText('MerchantPaid');
  await page.screenshot({ path: `${SHOTS}/wallet-pay-again-step-11-1280x720.png` });
});
