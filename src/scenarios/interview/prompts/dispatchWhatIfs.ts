/** A dispatch prompt's what-ifs: each answered by a strategy, checked by a run where the simulator can. */
import type { WhatIf } from '../prompt';
import { STUDY } from '../study';
import type { DispatchRuns } from './dispatchRuns';
import type { DispatchWords } from './dispatchWords';
import { lateAcceptWhatIf } from './lateAcceptWhatIf';
import { newYearsEveWhatIf } from './newYearsEveWhatIf';
import { providerTimeoutWhatIf } from './providerTimeoutWhatIf';
import { reprocessWhatIf } from './reprocessWhatIf';

export function dispatchWhatIfs(w: DispatchWords, { charged, duplicateRun }: DispatchRuns): WhatIf[] {
  const topic = `${w.entity}s`;
  return [
    lateAcceptWhatIf({
      role: w.role,
      winner: `${w.role}-7`,
      loser: `${w.role}-3`,
      aggregate: w.aggregate,
      command: w.accept,
      entity: `${w.entity} 42`,
      entityId: '42',
      raceStep: 3,
      data: { [`${w.role}Id`]: `${w.role}-3`, distanceKm: 0.7 },
      accepted: w.accepted,
      idField: `${w.entity}Id`,
      field: `${w.role}Id`,
      projection: w.projection,
      customer: 'Maya',
    }),
    providerTimeoutWhatIf({
      prompt: `The payment provider times out and the charge is retried. How do you keep the ${w.customer} from being charged twice?`,
      carries: `the ${w.entity} id as the idempotency key`,
      aggregate: 'Payment',
      second: 'capture',
      once: 'the charge happens once',
      unknown: 'the charge happened',
      group: 'payments',
      run: duplicateRun,
    }),
    newYearsEveWhatIf({
      rush: `New Year's Eve brings 10× the usual ${topic}`,
      groups: 'each consumer group',
      keeps: `the ${w.entity}-id key keeps ${w.keptInOrder}`,
      disorder: `one ${w.entity}'s events can be read out of order`,
      topic,
      run: {
        id: 'second-payments-member',
        title: 'A second payments member joins before the charge',
        faults: [{ kind: 'add-consumer', atStep: 7, groupId: 'payments', memberId: 'payments-2' }],
        outcome: charged,
        study: STUDY.keys,
      },
    }),
    reprocessWhatIf({
      service: 'notifications',
      group: 'notifications',
      member: 'notifications-1',
      topic,
      atStep: 13,
      morning: w.reference.startTime,
      once: {
        kind: 'exactly-once',
        eventType: w.notified,
        idField: `${w.entity}Id`,
        entityId: '42',
        what: 'Maya told who is coming',
      },
      rebuilt: { projection: w.projection, row: '42', lastScriptStep: 14 },
      twice: 'push message to Maya',
    }),
  ];
}
