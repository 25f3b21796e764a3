/**
 * The scenario format's sagas (issue 18): an orchestrated saga's state chart (`topology.sagas`, the shape of
 * an XState machine config), the step actions that drive its orchestrator through `src/engine/saga` (start
 * an instance, deliver a participant's reply, crash and restart the orchestrator; timeouts fire as time
 * passes) and the expectation that checks an instance. Part of `scenarios/schema.ts`; `actions.ts`,
 * `expectations.ts` and `scenario.ts` add these to their unions and the topology.
 */
import { z } from '../zod';
import { CommandName, EventTypeName, Id, NonNegInt, ShortText, Text } from './basics';

const sagaRef = Id.meta({ title: 'Saga', description: 'One of the topology’s sagas (its id).' });
const instance = Id.meta({
  title: 'Saga instance',
  description: 'Which run of the saga, e.g. the ride it is about (ride-7): one instance per id.',
});
const stateName = Id.meta({ title: 'State' });

export const SagaStateSpec = z.strictObject({
  type: z.literal('final').optional().meta({ title: 'Final', description: 'A final state ends the saga.' }),
  outcome: z.enum(['completed', 'compensated']).optional().meta({
    title: 'Outcome',
    description: 'For a final state: completed (every step succeeded) or compensated (undone by compensations).',
  }),
  description: Text.optional().meta({ title: 'Description', description: 'Why the saga is in this state.' }),
  entry: z
    .array(
      z.strictObject({
        command: CommandName.meta({ title: 'Command' }),
        to: Id.meta({ title: 'Participant', description: 'The service that receives the command.' }),
      }),
    )
    .max(6)
    .optional()
    .meta({ title: 'Commands sent on entry', description: 'What the orchestrator tells participants to do here.' }),
  on: z
    .record(EventTypeName, stateName)
    .optional()
    .meta({ title: 'Replies', description: 'A participant’s reply (event type) → the next state.' }),
  after: z
    .strictObject({
      ms: z.number().int().min(1).max(86_400_000).meta({ title: 'Milliseconds' }),
      target: stateName,
    })
    .optional()
    .meta({
      title: 'Timeout',
      description: 'Still in this state this long after entering it → the target state (XState’s `after`).',
    }),
});

export const SagaSpec = z.strictObject({
  id: Id.meta({ title: 'Id' }),
  title: ShortText.meta({ title: 'Title' }),
  initial: stateName.meta({ title: 'Initial state' }),
  states: z
    .record(Id, SagaStateSpec)
    .refine((s) => Object.keys(s).length >= 1 && Object.keys(s).length <= 20, 'a saga has 1 to 20 states')
    .meta({ title: 'States', description: 'The orchestrator’s state chart, by state name.' }),
});

export const SAGA_ACTIONS = [
  z.strictObject({ kind: z.literal('start-saga'), saga: sagaRef, instance }).meta({
    title: 'the orchestrator starts a saga',
    description:
      'A new instance starts in the initial state: the orchestrator stores SagaStarted, then sends the commands of that state.',
  }),
  z
    .strictObject({
      kind: z.literal('saga-reply'),
      saga: sagaRef,
      instance,
      eventType: EventTypeName.meta({ title: 'Reply', description: 'The participant’s event, e.g. CardDeclined.' }),
    })
    .meta({
      title: 'a participant’s reply reaches the orchestrator',
      description:
        'If the instance’s state waits for this reply, it moves on (stored as SagaTransitioned) and sends the next state’s commands; otherwise the reply is ignored.',
    }),
  z.strictObject({ kind: z.literal('crash-orchestrator'), saga: sagaRef }).meta({
    title: 'the orchestrator crashes',
    description:
      'It loses what it held in memory; the stored events of every instance are kept. Until it restarts, no reply is handled and no timeout fires.',
  }),
  z.strictObject({ kind: z.literal('restart-orchestrator'), saga: sagaRef }).meta({
    title: 'the orchestrator restarts',
    description:
      'It rebuilds every instance by folding its stored events, sends the current state’s commands again (participants deduplicate by the saga id) and fires the timeouts that came due while it was down.',
  }),
] as const;

export const SAGA_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('saga'),
      saga: sagaRef,
      instance,
      state: stateName.optional().meta({
        title: 'State',
        description: 'The state it is in (as the orchestrator holds it, or would rebuild it).',
      }),
      outcome: z.enum(['completed', 'compensated', 'running']).optional().meta({ title: 'Outcome' }),
      storedEvents: NonNegInt.optional().meta({
        title: 'Stored events',
        description: 'How many events the orchestrator has stored for it.',
      }),
    })
    .meta({ title: 'a saga instance', description: 'Its state, its outcome and how many events it has stored.' }),
] as const;
