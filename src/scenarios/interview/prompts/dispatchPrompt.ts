/**
 * A dispatch prompt (`dispatchWords.ts`: ride-sharing, food delivery) from its words: its grading key,
 * requirements, questions, what-ifs and broker needs, the same for both but for the names.
 */
import { ORDER_PER_KEY_PARALLEL, REPLAY_WEEK } from '../../brokerChoice/exercise/reqLog';
import { withBrokerQuestion } from '../broker';
import type { InterviewPrompt, Requirement } from '../prompt';
import { capitalize, FAILURE_STUDY, RUN_STUDY, STUDY } from '../study';
import type { DesignPointId, GradingKey } from '../types';
import { dispatchPicks, dispatchQuestions } from './dispatchQuestions';
import { dispatchRuns, type DispatchRuns } from './dispatchRuns';
import { dispatchWhatIfs } from './dispatchWhatIfs';
import type { DispatchWords } from './dispatchWords';

function dispatchKey(w: DispatchWords, { charged, duplicateRun }: DispatchRuns): GradingKey {
  return {
    race: { aggregate: w.aggregate, command: w.accept, accepted: w.accepted, actors: `two ${w.role}s` },
    payment: {
      aggregate: 'Payment',
      command: w.charge,
      captured: 'PaymentCaptured',
      failed: 'PaymentFailed',
      words: {
        title: 'Payment failure is handled',
        retry: 'charge again',
        failure: 'a declined charge',
        lost: `the ${w.amount} is never paid`,
      },
      // A declined card, recorded and charged again once replaced: FAILURE_STUDY says which step teaches it.
      study: FAILURE_STUDY.declinedCharge,
    },
    screens: [
      { app: `${w.customer} app`, screen: w.screen, events: [w.accepted, 'PaymentFailed', 'PaymentCaptured'] },
      { app: `${w.role} app`, screen: 'earnings', events: ['PaymentCaptured'] },
    ],
    runs: [
      {
        id: 'race',
        title: `Two ${w.role}s accept ${w.entity} 42 at the same instant`,
        faults: [],
        outcome: {
          kind: 'exactly-once',
          eventType: w.accepted,
          idField: `${w.entity}Id`,
          entityId: '42',
          what: `${capitalize(w.role)} assigned`,
        },
        study: STUDY.race,
      },
      duplicateRun,
      {
        id: 'crash-payments',
        title: 'Payments crashes after charging, before committing its offsets',
        faults: [
          { kind: 'crash-consumer-before-commit', atStep: 11, groupId: 'payments', memberId: 'payments-1' },
          // payments-1 restarts after its crash and joins again, before the script's next payments poll.
          { kind: 'add-consumer', atStep: 13, groupId: 'payments', memberId: 'payments-1' },
        ],
        outcome: charged,
        study: RUN_STUDY.crash,
      },
      {
        id: 'declined',
        title: "Maya's card is declined",
        faults: [],
        outcome: {
          kind: 'told',
          projection: w.projection,
          row: '42',
          before: 9,
          after: 10,
          who: 'Maya',
          what: 'the declined charge',
        },
        study: RUN_STUDY.told,
      },
    ],
  };
}

/** A question whose answer changes the design: it decides the part the rubric point `decides` grades. */
const essential = (id: string, text: string, why: string, decides: DesignPointId): Requirement => ({
  id,
  text,
  relevant: true,
  why,
  decides,
});
const notNeeded = (id: string, text: string, why: string): Requirement => ({ id, text, relevant: false, why });

const dispatchRequirements = (w: DispatchWords): Requirement[] => [
  essential(
    `one-${w.role}`,
    `Can two ${w.role}s end up with the same ${w.entity}?`,
    `The accept race is the heart of ${w.matching}.`,
    'race',
  ),
  essential(
    'charge-once',
    `Must a ${w.customer} be charged exactly once per ${w.trip}, even when messages are redelivered?`,
    'Kafka delivers at least once; the charge must happen once.',
    'idempotent',
  ),
  essential(
    'declines',
    'What happens when a card is declined?',
    'Payment failure is a normal path, not an exception.',
    'payment-failure',
  ),
  essential(
    'screens',
    `What do the ${w.customer} and the ${w.role} see in their apps?`,
    'Each screen becomes a read model.',
    'read-models',
  ),
  essential('order', `Must one ${w.entity}'s events be processed in order?`, 'It decides the partition key.', 'keys'),
  notNeeded(
    'colours',
    `Which colours should the ${w.customer} app's map use?`,
    'Visual design does not change the events.',
  ),
  notNeeded('language', 'Which programming language do the services use?', 'The event design does not depend on it.'),
  notNeeded('ml', 'Which machine-learning model predicts demand?', 'Out of scope for the event flow asked about.'),
];

export function dispatchPrompt(w: DispatchWords): InterviewPrompt {
  const runs = dispatchRuns(w);
  return withBrokerQuestion({
    id: w.id,
    version: w.version,
    title: w.title,
    brief: w.brief,
    reference: w.reference,
    key: dispatchKey(w, runs),
    requirements: dispatchRequirements(w),
    questions: dispatchQuestions(w),
    picks: dispatchPicks(w),
    whatIfs: dispatchWhatIfs(w, runs),
    brokers: { because: w.brokersBecause, requirements: [ORDER_PER_KEY_PARALLEL, REPLAY_WEEK] },
  });
}
