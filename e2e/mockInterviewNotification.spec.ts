import { mkdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { MockInterviewPage, type StageAnswers } from './mockInterviewPage';

const SHOTS = '/tmp/mock-interview-shots';

/** The notification-system prompt answered as its reference design does. */
const NOTIFICATION_REFERENCE: StageAnswers = {
  events: ['NotificationClaimed', 'SmsSent', 'SmsFailed'],
  topics: ['By notification id', /^The Delivery aggregate stores it/, 'Apache Kafka'],
  consumers: [
    /^The Notification aggregate: both claims are decided on the same revision/,
    /^Skips it: the group deduplicates/,
    /^Record SmsFailed, show it in the inbox/,
  ],
  readModels: [/^Inbox \(user app\)/, /^Delivery counts \(operators' console\)/],
};

test("the notification system's phone switched off for a day is run: resending every hour fails, pays three times, and opens where the day starts", async ({
  page,
}) => {
  const iv = new MockInterviewPage(page);
  await iv.open();
  // This start time's seed draws the phone-offline and reprocess what-ifs for the 20-minute interview.
  await iv.toPhoneOfflineAndReprocess(
    'Notification system',
    [
      'Must each notification be sent exactly once, even when messages are redelivered?',
      'What happens when the provider cannot deliver?',
    ],
    NOTIFICATION_REFERENCE,
  );
  await iv.answerWhatIfsWith([
    [/^Ada's phone is switched off for a day/, 'Send it again every hour until the phone answers'],
    [/^A deploy of the sender had a bug all day/, /^Stop the group, reset its offsets/],
  ]);
  await iv.next();

  await expect(iv.scorecardHeading()).toBeFocused();
  // The run says what it does not play, and fails on the design this answer built.
  const title =
    "Ada's phone is off for a day: the send is tried again an hour later and a day later (the network holding the SMS is not simulated)";
  const phoneOff = iv.run(title);
  await expect(phoneOff).toContainText('✗ fail');
  await expect(phoneOff).toContainText(
    'Sent (and paid for) 3 times: 3 SmsSent for notificationId n-1 by the end of the run. Ada\'s inbox row shows status "sent by SMS".',
  );

  mkdirSync(SHOTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await phoneOff.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/notification-phone-off-1280x720.png` });

  // The failing run opens in the player on the design it played (the day's steps added, no fault: the saved
  // design itself, not a branch), right after the hour passes; the next step is the resend, accepted.
  await phoneOff.getByRole('button', { name: `Open this run at step 7 — ${title}`, exact: true }).click();
  await expect(page).toHaveURL(/#\/s\/[^/]+\/7$/);
  await page.waitForFunction(() => window.__eventLab?.ready === true);
  await expect(page.getByRole('heading', { level: 1, name: /^My mock-interview design/ })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Step / })).toHaveText('Step 7 / 13');
  await expect(
    page.getByRole('heading', { level: 2, name: "Ada's phone is switched off: an hour passes" }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No answer from the phone: SendSms again' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Effects of step 8' })).toContainText('SmsSent');
  await page.screenshot({ path: `${SHOTS}/notification-phone-off-step-8-1280x720.png` });
});
