/** The notification-system prompt: its reference design (`notification-system.json`), grading key and questions. */
import type { ScenarioDef } from '../../schema';
import { withBrokerQuestion } from '../broker';
import { ORDER_PER_KEY_PARALLEL, REPLAY_WEEK } from '../../brokerChoice/exercise/reqLog';
import { POISON_SET_ASIDE } from '../../brokerChoice/exercise/reqWork';
import type { InterviewPrompt } from '../prompt';
import { FAILURE_STUDY, RUN_STUDY, STUDY } from '../study';
import doc from './notification-system.json';
import { notificationSystemPicks, notificationSystemQuestions } from './notificationSystemQuestions';
import { duplicateSender, sentOnce } from './notificationSystemRuns';
import { notificationSystemWhatIfs } from './notificationSystemWhatIfs';

const reference = doc as unknown as ScenarioDef;

export const notificationSystem: InterviewPrompt = withBrokerQuestion({
  id: 'notification-system',
  // 2: the phone-offline what-if's wrong answer changes the design (a Delivery that accepts a second send).
  // 3: a refusal answer is no longer undone by a what-if's repeat (patches.ts applies refusals last).
  version: 3,
  title: 'Notification system',
  brief:
    'Design the events behind a notification system: services ask for a notification, one worker sends it by SMS through a paid provider, a failed SMS is retried, and users see their inbox.',
  reference,
  key: {
    race: {
      aggregate: 'Notification',
      command: 'ClaimNotification',
      accepted: 'NotificationClaimed',
      actors: 'two sender workers',
    },
    payment: {
      aggregate: 'Delivery',
      command: 'SendSms',
      captured: 'SmsSent',
      failed: 'SmsFailed',
      words: {
        title: 'A failed SMS is handled',
        retry: 'send the SMS again',
        failure: 'a failed SMS',
        lost: 'the SMS is never sent',
      },
      // An SMS the provider cannot deliver, recorded and sent again once the number is corrected (a declined
      // card's lesson would teach a charge, which this design never makes).
      study: FAILURE_STUDY.failedSend,
    },
    screens: [
      { app: 'user app', screen: 'inbox', events: ['NotificationRequested', 'SmsSent', 'SmsFailed'] },
      { app: "operators' console", screen: 'delivery counts', events: ['SmsSent', 'SmsFailed'] },
    ],
    runs: [
      {
        id: 'race',
        title: 'Two sender workers claim notification n-1 at the same instant',
        faults: [],
        outcome: {
          kind: 'exactly-once',
          eventType: 'NotificationClaimed',
          idField: 'notificationId',
          entityId: 'n-1',
          what: 'Claimed',
        },
        study: STUDY.race,
      },
      duplicateSender,
      {
        id: 'crash-sender',
        title: 'The sender crashes after sending, before committing its offsets',
        faults: [
          { kind: 'crash-consumer-before-commit', atStep: 5, groupId: 'sender', memberId: 'sender-1' },
          // sender-1 restarts after its crash and joins again, before the script's next sender poll.
          { kind: 'add-consumer', atStep: 7, groupId: 'sender', memberId: 'sender-1' },
        ],
        outcome: sentOnce,
        study: RUN_STUDY.crash,
      },
      {
        id: 'declined',
        title: "Ada's SMS fails",
        faults: [],
        outcome: {
          kind: 'told',
          projection: 'inbox',
          row: 'n-1',
          before: 3,
          after: 4,
          who: 'Ada',
          what: 'the failed SMS',
        },
        study: RUN_STUDY.told,
      },
    ],
  },
  requirements: [
    {
      id: 'once',
      text: 'Must each notification be sent exactly once, even when messages are redelivered?',
      relevant: true,
      why: 'Each SMS is a paid call and a user annoyed twice.',
      decides: 'idempotent',
    },
    {
      id: 'workers',
      text: 'Can two workers pick up the same notification?',
      relevant: true,
      why: 'The claim race decides the aggregate.',
      decides: 'race',
    },
    {
      id: 'failures',
      text: 'What happens when the provider cannot deliver?',
      relevant: true,
      why: 'Failure is a normal path: retry, and tell the user.',
      decides: 'payment-failure',
    },
    {
      id: 'screens',
      text: 'What do users and operators see?',
      relevant: true,
      why: 'Each screen becomes a read model.',
      decides: 'read-models',
    },
    {
      id: 'emoji',
      text: 'Which emoji set do the messages use?',
      relevant: false,
      why: 'Content does not change the events.',
    },
    {
      id: 'language',
      text: 'Which programming language do the workers use?',
      relevant: false,
      why: 'The event design does not depend on it.',
    },
  ],
  questions: notificationSystemQuestions,
  picks: notificationSystemPicks,
  whatIfs: notificationSystemWhatIfs,
  brokers: {
    because:
      "Each notification's events must be handled in order by several sender workers, a notification that keeps failing must not block the others, and a sender whose deploy had a bug must read its events again, up to a week back.",
    requirements: [ORDER_PER_KEY_PARALLEL, POISON_SET_ASIDE, REPLAY_WEEK],
  },
});
