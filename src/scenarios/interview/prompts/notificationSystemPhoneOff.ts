/**
 * The notification-system interviewer's "Ada's phone is switched off for a day" what-if, checked by running
 * what the simulator can play: after the SMS is sent (SmsSent, the provider accepted it) a day passes, the send
 * is tried again an hour later and a day later (what "send it again every hour until the phone answers" does;
 * a stray retry sends the same command), and the sender polls. Graded: still exactly one SmsSent for the
 * notification (paid once), and Ada's inbox still says it was sent. What it cannot play is the mobile network
 * holding the SMS until the phone is back: the simulator has no phone network beyond the provider, and the run's
 * title and first step say so.
 *
 * Facts behind the sentences:
 * - A provider's "accepted" is not "delivered": Vonage's SMS API answers status 0 when the message is queued for
 *   sending, and a delivery receipt (DLR) comes later, when the carrier has delivered it
 *   (https://developer.vonage.com/messaging/sms/building-blocks/receive-a-delivery-receipt).
 * - The accepted send is the one paid for; the delivered status costs nothing more
 *   (https://developer.vonage.com/en/messages/concepts/sms-status-callbacks, "Chargeable Event").
 * - The network's SMS centre stores an SMS for a phone that is off and forwards it when the phone is back, until
 *   the message expires (https://www.gms-worldwide.com/glossary/smsc/); carriers' validity periods are on average
 *   24–48 hours, Vonage itself tries for 72 hours by default
 *   (https://api.support.vonage.com/hc/en-us/articles/5671771052060-Setting-a-Validity-Period-TTL-for-SMS-MMS).
 * - A message still undelivered when its validity period ends gets an "expired" receipt (Vonage's DLR statuses,
 *   same delivery-receipt page).
 */
import type { StepDef } from '../../schema';
import type { WhatIf } from '../prompt';
import { RUN_STUDY } from '../study';
import reference from './notification-system.json';
import { sentOnce } from './notificationSystemRuns';

const HOUR_MS = 3_600_000;

/** The reference script's step (0-based) whose poll sends the SMS to the corrected number: the day starts after it. */
const SENT_STEP = 5;

/** The corrected number Ada's app sent (the reference script's CorrectPhoneNumber step): the one the SMS went to. */
const correctedPhone = (): string => {
  const step = reference.steps.find((s) => s.action.kind === 'command' && s.action.command === 'CorrectPhoneNumber');
  const phone = (step?.action as { data?: { phone?: unknown } } | undefined)?.data?.phone;
  if (typeof phone !== 'string') throw new Error('the notification-system reference corrects no phone number');
  return phone;
};

const sendAgain = (title: string, when: string): StepDef => ({
  title,
  narration: `SendSms for n-1 again, ${when} after the SMS was sent, with Ada's phone still off: what a resend every hour until the phone answers does (a stray retry sends the same command). A Delivery that refuses a second send stops it here; one that accepts it calls the provider again, and pays again.`,
  action: {
    kind: 'command',
    aggregate: 'Delivery',
    id: 'n-1',
    command: 'SendSms',
    data: { phone: correctedPhone(), text: 'Your order has shipped' },
    issuedBy: 'the hourly resend',
  },
});

export const phoneOffWhatIf: WhatIf = {
  id: 'phone-offline',
  prompt: "Ada's phone is switched off for a day. What does the design do?",
  choices: [
    {
      id: 'provider-holds',
      text: "Nothing more: the provider accepted the SMS (SmsSent); the network's SMS centre stores it and delivers it when the phone is back within the message's validity period (carriers keep one for 24–48 hours on average); a delivery receipt, delivered or expired, is a later, separate event",
      correct: true,
      why: 'Accepted by the provider and delivered to the phone are two facts: the first is paid for once, the second is reported later by a delivery receipt.',
    },
    {
      id: 'resend',
      text: 'Send it again every hour until the phone answers',
      correct: false,
      why: 'Each resend is accepted and paid for, and the network stores each copy as it stored the first: when her phone is back, Ada gets the same SMS again and again.',
      // Resending needs a Delivery that accepts SendSms again once sent; the run plays the hourly resends.
      patches: [{ op: 'allow-repeat', aggregate: 'Delivery', command: 'SendSms' }],
    },
  ],
  check: {
    run: {
      id: 'phone-off-day',
      title:
        "Ada's phone is off for a day: the send is tried again an hour later and a day later (the network holding the SMS is not simulated)",
      faults: [],
      insert: {
        after: SENT_STEP,
        steps: [
          {
            title: "Ada's phone is switched off: an hour passes",
            narration:
              "The provider accepted the SMS (SmsSent). Holding it until the phone is back is the mobile network's part (its SMS centre stores it and forwards it within the message's validity period); the simulator has no phone network beyond the provider, so that part is not played. What is played is what the design does meanwhile.",
            action: { kind: 'advance-time', ms: HOUR_MS },
          },
          sendAgain('No answer from the phone: SendSms again', 'an hour'),
          {
            title: 'The sender polls',
            narration: 'The sender reads what was published meanwhile, and acts on it.',
            action: { kind: 'poll', group: 'sender', member: 'sender-1' },
          },
          {
            title: 'The rest of the day passes',
            narration: "Ada's phone is still off.",
            action: { kind: 'advance-time', ms: 23 * HOUR_MS },
          },
          sendAgain('A day later: SendSms again', 'a day'),
        ],
      },
      outcome: sentOnce,
      also: [{ kind: 'row-shows', projection: 'inbox', row: 'n-1', field: 'status', value: 'sent by SMS', who: 'Ada' }],
      study: RUN_STUDY.duplicate,
    },
  },
};
