/** Runs the notification-system key and its what-ifs share: notification n-1 sent (and paid for) exactly once. */
import { RUN_STUDY, STUDY } from '../study';
import type { Outcome, RunSpec } from '../types';

export const sentOnce: Outcome = {
  kind: 'exactly-once',
  eventType: 'SmsSent',
  idField: 'notificationId',
  entityId: 'n-1',
  what: 'Sent (and paid for)',
};

export const duplicateSender: RunSpec = {
  id: 'duplicate-sender',
  title: 'The sender receives the corrected number twice (duplicate delivery)',
  faults: [{ kind: 'duplicate-delivery', atStep: 5, groupId: 'sender', memberId: 'sender-1' }],
  outcome: sentOnce,
  study: RUN_STUDY.duplicate,
};

export const secondSender: RunSpec = {
  id: 'second-sender-member',
  title: 'A second sender member joins before the retry',
  faults: [{ kind: 'add-consumer', atStep: 4, groupId: 'sender', memberId: 'sender-2' }],
  outcome: sentOnce,
  study: STUDY.keys,
};
