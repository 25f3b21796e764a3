/** The ride-sharing interviewer's what-ifs: each answered by a strategy, checked by a run where the simulator can. */
import type { WhatIf } from '../prompt';
import { STUDY } from '../study';
import { reprocessDayWhatIf } from './reprocessWhatIf';
import { charged, duplicateRun } from './rideSharingRuns';

export const rideSharingWhatIfs: WhatIf[] = [
  {
    id: 'phone-offline',
    prompt: "driver-7's phone goes offline right after accepting. What does the design do?",
    choices: [
      {
        id: 'timeout',
        text: 'A timeout sends a command to the Ride aggregate that releases the ride and offers it again; a late StartTrip from the old phone is refused',
        correct: true,
        why: 'The aggregate decides, so the old and the new driver cannot both hold the ride.',
      },
      {
        id: 'publish-again',
        text: 'Matching publishes RideAccepted for the next driver',
        correct: false,
        why: 'Two RideAccepted for one ride, and nothing refuses the first driver when the phone comes back.',
      },
      {
        id: 'wait',
        text: 'Wait for the phone to come back',
        correct: false,
        why: 'The rider waits for a driver who may never come.',
      },
    ],
    check: {
      notRun: 'Not run: the reference design has no release command, and the simulator has no phone to take offline.',
    },
  },
  {
    id: 'provider-timeout',
    prompt:
      'The payment provider times out and the charge is retried. How do you keep the rider from being charged twice?',
    choices: [
      {
        id: 'idempotent',
        text: 'The retry carries the ride id as the idempotency key: the group deduplicates and the Payment aggregate refuses a second capture',
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
    prompt: "New Year's Eve brings 10× the usual rides. What do you change?",
    choices: [
      {
        id: 'scale-consumers',
        text: 'Add members to each consumer group, up to the number of partitions; the ride-id key keeps each ride in order',
        correct: true,
        why: 'Partitions are the unit of parallelism; the key keeps order where it matters.',
      },
      {
        id: 'drop-keys',
        text: 'Drop the keys so the load spreads evenly',
        correct: false,
        why: "Even load, but one ride's events can be read out of order.",
        patches: [{ op: 'unkey-topic', topic: 'rides' }],
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
