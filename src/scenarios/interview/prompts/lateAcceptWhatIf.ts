/**
 * The interviewer's "a driver's phone goes offline" what-if, checked by running it: the losing driver's
 * phone lost its signal as it sent the accept, and after reconnecting the app sends the same command again,
 * after the race was decided: the run adds the retry after the race (`reconnectStep.ts`). Graded: exactly one
 * accept stored, and the customer's read model shows that driver.
 */
import type { WhatIf } from '../prompt';
import { STUDY } from '../study';
import { reconnectStep } from './reconnectStep';

export interface LateAccept {
  /** "driver" or "courier". */
  role: string;
  winner: string;
  loser: string;
  aggregate: string;
  command: string;
  /** The entity raced for, in words ("ride 42") and by id. */
  entity: string;
  entityId: string;
  /** The race's script step (0-based): the retry comes right after it. */
  raceStep: number;
  /** The loser's command data, as it sent it in the race. */
  data: Record<string, string | number>;
  accepted: string;
  idField: string;
  /** The accepted event's and the read model's field naming who won. */
  field: string;
  projection: string;
  customer: string;
}

export function lateAcceptWhatIf(l: LateAccept): WhatIf {
  return {
    id: 'phone-offline',
    prompt: `${l.loser}'s phone goes offline just as it sends ${l.command} for ${l.entity}. When it reconnects, the app sends the same accept again, after ${l.winner} has won. What does the design do?`,
    choices: [
      {
        id: 'refuse-late',
        text: `The ${l.aggregate} aggregate decides the late accept like any other: it is no longer offered, so the command is refused and ${l.loser}'s app is told; ${l.customer}'s app still shows ${l.winner}`,
        correct: true,
        why: 'A retry after a reconnect is just another command: the aggregate that decided the race refuses it.',
      },
      {
        id: 'last-wins',
        text: `Accept it: the app retried in good faith, so the latest accept takes the ${l.role === 'driver' ? 'ride' : 'order'}`,
        correct: false,
        why: `Two ${l.accepted} for one ${l.role === 'driver' ? 'ride' : 'order'}: ${l.winner} is on the way while ${l.customer}'s app shows ${l.loser}.`,
        patches: [{ op: 'allow-repeat', aggregate: l.aggregate, command: l.command }],
      },
      {
        id: 'wait',
        text: `Hold the ${l.role === 'driver' ? 'ride' : 'order'} until ${l.loser}'s phone answers again`,
        correct: false,
        why: `${l.customer} waits on a phone that may never come back, although ${l.winner} has already accepted.`,
      },
    ],
    check: {
      run: {
        id: 'late-accept',
        title: `${l.loser}'s app sends its accept again after reconnecting`,
        faults: [],
        insert: {
          after: l.raceStep,
          steps: [
            reconnectStep({
              who: l.loser,
              app: `${l.loser}'s app`,
              narration: `${l.loser}'s app sends the ${l.command} it sent before losing its signal, again, after the race was decided.`,
              aggregate: l.aggregate,
              id: l.entityId,
              command: l.command,
              data: l.data,
            }),
          ],
        },
        outcome: {
          kind: 'exactly-once',
          eventType: l.accepted,
          idField: l.idField,
          entityId: l.entityId,
          what: `${l.role[0]!.toUpperCase()}${l.role.slice(1)} assigned`,
        },
        also: [
          {
            kind: 'names-winner',
            eventType: l.accepted,
            idField: l.idField,
            entityId: l.entityId,
            field: l.field,
            projection: l.projection,
            row: l.entityId,
            who: l.customer,
          },
        ],
        study: STUDY.race,
      },
    },
  };
}
