/** The food-delivery interviewer's what-ifs: each answered by a strategy, checked by a run where the simulator can. */
import type { WhatIf } from '../prompt';
import { STUDY } from '../study';
import { lateAcceptWhatIf } from './lateAcceptWhatIf';
import { reprocessWhatIf } from './reprocessWhatIf';
import reference from './food-delivery.json';
import { charged, duplicateRun } from './foodDeliveryRuns';

export const foodDeliveryWhatIfs: WhatIf[] = [
  lateAcceptWhatIf({
    role: 'courier',
    winner: 'courier-7',
    loser: 'courier-3',
    aggregate: 'Order',
    command: 'AcceptDelivery',
    entity: 'order 42',
    entityId: '42',
    raceStep: 3,
    data: { courierId: 'courier-3', distanceKm: 0.7 },
    accepted: 'CourierAssigned',
    idField: 'orderId',
    field: 'courierId',
    projection: 'order-tracking',
    customer: 'Maya',
  }),
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
  reprocessWhatIf({
    service: 'notifications',
    group: 'notifications',
    member: 'notifications-1',
    topic: 'orders',
    atStep: 13,
    morning: reference.startTime,
    once: {
      kind: 'exactly-once',
      eventType: 'CustomerNotified',
      idField: 'orderId',
      entityId: '42',
      what: 'Maya told who is coming',
    },
    rebuilt: { projection: 'order-tracking', row: '42', lastScriptStep: 14 },
    twice: 'push message to Maya',
  }),
];
