/** The food-delivery interviewer's what-ifs: each answered by a strategy, checked by a run where the simulator can. */
import type { WhatIf } from '../prompt';
import { STUDY } from '../study';
import { reprocessDayWhatIf } from './reprocessWhatIf';
import { charged, duplicateRun } from './foodDeliveryRuns';

export const foodDeliveryWhatIfs: WhatIf[] = [
  {
    id: 'phone-offline',
    prompt: "courier-7's phone goes offline right after accepting. What does the design do?",
    choices: [
      {
        id: 'timeout',
        text: 'A timeout sends a command to the Order aggregate that releases the order and offers it again; a late CollectOrder from the old phone is refused',
        correct: true,
        why: 'The aggregate decides, so the old and the new courier cannot both hold the order.',
      },
      {
        id: 'publish-again',
        text: 'Dispatch publishes CourierAssigned for the next courier',
        correct: false,
        why: 'Two CourierAssigned for one order, and nothing refuses the first courier when the phone comes back.',
      },
      {
        id: 'wait',
        text: 'Wait for the phone to come back',
        correct: false,
        why: 'The customer waits for a courier who may never come.',
      },
    ],
    check: {
      notRun: 'Not run: the reference design has no release command, and the simulator has no phone to take offline.',
    },
  },
  {
    id: 'provider-timeout',
    prompt:
      'The payment provider times out and the charge is retried. How do you keep the customer from being charged twice?',
    choices: [
      {
        id: 'idempotent',
        text: 'The retry carries the order id as the idempotency key: the group deduplicates and the Payment aggregate refuses a second capture',
        correct: true,
        why: 'The retry may run twice; the charge happens once.',
      },
      {
        id: 'retry-blindly',
        text: 'Retry the call; a timeout means it did not happen',
        correct: false,
        why: 'A timeout says nothing about whether the charge happened.',
        patches: [{ op: 'not-idempotent', group: 'payments' }],
      },
    ],
    check: { run: duplicateRun },
  },
  {
    id: 'new-years-eve',
    prompt: "New Year's Eve brings 10× the usual orders. What do you change?",
    choices: [
      {
        id: 'scale-consumers',
        text: "Add members to each consumer group, up to the number of partitions; the order-id key keeps each order's events in sequence",
        correct: true,
        why: 'Partitions are the unit of parallelism; the key keeps order where it matters.',
      },
      {
        id: 'drop-keys',
        text: 'Drop the keys so the load spreads evenly',
        correct: false,
        why: "Even load, but one order's events can be read out of order.",
        patches: [{ op: 'unkey-topic', topic: 'orders' }],
      },
    ],
    check: {
      run: {
        id: 'second-payments-member',
        title: 'A second payments member joins before the charge',
        faults: [{ kind: 'add-consumer', atStep: 7, groupId: 'payments', memberId: 'payments-2' }],
        outcome: charged,
        study: STUDY.keys,
      },
    },
  },
  reprocessDayWhatIf,
];
