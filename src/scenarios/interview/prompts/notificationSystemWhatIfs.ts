/** The notification-system interviewer's what-ifs: each answered by a strategy and checked by a run. */
import type { WhatIf } from '../prompt';
import { duplicateSender, secondSender, sentOnce } from './notificationSystemRuns';
import { phoneOffWhatIf } from './notificationSystemPhoneOff';
import { newYearsEveWhatIf } from './newYearsEveWhatIf';
import { providerTimeoutWhatIf } from './providerTimeoutWhatIf';
import { reprocessWhatIf } from './reprocessWhatIf';
import reference from './notification-system.json';

export const notificationSystemWhatIfs: WhatIf[] = [
  phoneOffWhatIf,
  providerTimeoutWhatIf({
    prompt: 'The SMS provider times out and the send is retried. How do you keep Ada from getting the SMS twice?',
    carries: 'the notification id',
    aggregate: 'Delivery',
    second: 'send',
    once: 'the SMS goes once',
    unknown: 'the SMS went out',
    group: 'sender',
    run: duplicateSender,
  }),
  newYearsEveWhatIf({
    rush: "New Year's Eve: 10× the usual notifications at midnight",
    groups: 'the sender group',
    keeps: 'the notification-id key keeps each one in sequence',
    disorder: "a notification's correction can be read before its failure",
    topic: 'notifications',
    run: secondSender,
  }),
  reprocessWhatIf({
    service: 'the sender',
    group: 'sender',
    member: 'sender-1',
    topic: 'notifications',
    atStep: 6,
    morning: reference.startTime,
    once: sentOnce,
    rebuilt: { projection: 'inbox', row: 'n-1', lastScriptStep: 7 },
    twice: 'SMS to Ada, paid for again',
  }),
];
