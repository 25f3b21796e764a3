/**
 * The scenario format's specs (issue 18, "Testing event-driven systems"): tests written as data next to the
 * scenario's own expectations, run by the app against the scenario's own aggregates, projections and consumer
 * groups (`src/scenarios/specs`). Four kinds: a decider spec (given past events, when a command, then new events
 * or a refusal), a projection spec (given events, then read-model rows), a consumer-driven contract (the fields
 * a consumer reads, checked against the producer's JSON Schema as the AsyncAPI export writes it) and an
 * idempotency spec (the same event delivered n times, the same outcome as once). The `change-design` step
 * proposes a change to the design (a pull request): the specs run against it, the running system does not
 * change. Part of `scenarios/schema.ts`; `actions.ts`, `expectations.ts` and `scenario.ts` spread these in.
 */
import { z } from '../zod';
import { CommandName, DataObject, EventTypeName, FieldName, Id, ShortText } from './basics';

const specRef = Id.meta({ title: 'Spec', description: 'One of the scenario’s specs (its id).' });
const aggregate = z.string().min(1).max(64).meta({ title: 'Aggregate', description: 'An aggregate type.' });
const group = Id.meta({
  title: 'Consumer',
  description: 'A consumer group of the topology (the application that reads the event).',
});

/** A past event as a spec writes it: its type and data, literal values. */
export const SpecEvent = z.strictObject({
  eventType: EventTypeName.meta({ title: 'Event type' }),
  data: DataObject.meta({ title: 'Data' }),
});

const given = z
  .array(SpecEvent)
  .max(20)
  .meta({ title: 'Given (past events)', description: 'The events that happened before, oldest first.' });

export const DeciderSpec = z
  .strictObject({
    kind: z.literal('decider'),
    id: Id.meta({ title: 'Id' }),
    title: ShortText.meta({ title: 'Title' }),
    aggregate,
    given,
    when: z
      .strictObject({
        command: CommandName.meta({ title: 'Command' }),
        id: z.string().min(1).max(64).meta({ title: 'Aggregate id' }),
        data: DataObject.meta({ title: 'Command data' }),
      })
      .meta({ title: 'When (a command)' }),
    then: z
      .union([
        z.strictObject({
          events: z
            .array(SpecEvent)
            .max(10)
            .meta({ title: 'Events', description: 'Exactly these new events, in order, with exactly this data.' }),
        }),
        z.strictObject({
          refused: z.string().min(1).max(200).meta({
            title: 'Refused',
            description: 'The command is refused, and the refusal’s reason contains these words.',
          }),
        }),
      ])
      .meta({ title: 'Then', description: 'New events, or a refusal.' }),
  })
  .meta({
    title: 'decider spec (given / when / then)',
    description: 'Given past events of one aggregate, when a command, then exactly these new events or a refusal.',
  });

export const ReadModelSpec = z
  .strictObject({
    kind: z.literal('projection'),
    id: Id.meta({ title: 'Id' }),
    title: ShortText.meta({ title: 'Title' }),
    projection: Id.meta({ title: 'Projection' }),
    given,
    then: z
      .array(
        z.strictObject({
          key: z.string().max(200).meta({ title: 'Row key' }),
          row: DataObject.nullable().meta({
            title: 'Row',
            description: 'These columns with these values (other columns are not checked); null: no such row.',
          }),
        }),
      )
      .min(1)
      .max(10)
      .meta({ title: 'Then (read-model rows)' }),
  })
  .meta({
    title: 'projection spec',
    description: 'Given events, fed to the projection in order, then the read model holds these rows.',
  });

export const ContractSpec = z
  .strictObject({
    kind: z.literal('contract'),
    id: Id.meta({ title: 'Id' }),
    title: ShortText.meta({ title: 'Title' }),
    consumer: group,
    eventType: EventTypeName.meta({ title: 'Event type' }),
    reads: z
      .array(
        z.strictObject({
          field: FieldName.meta({ title: 'Field' }),
          type: z.enum(['string', 'number', 'boolean', 'object', 'array']).meta({ title: 'Type' }),
        }),
      )
      .min(1)
      .max(20)
      .meta({ title: 'Fields it reads', description: 'Every field the consumer’s code reads, with its type.' }),
  })
  .meta({
    title: 'consumer-driven contract',
    description:
      'The fields one consumer reads from an event: each must be in the producer’s schema (the AsyncAPI payload), required, of this type.',
  });

export const IdempotencySpec = z
  .strictObject({
    kind: z.literal('idempotency'),
    id: Id.meta({ title: 'Id' }),
    title: ShortText.meta({ title: 'Title' }),
    consumer: group,
    event: SpecEvent.meta({ title: 'The event delivered' }),
    deliveries: z.number().int().min(2).max(5).meta({
      title: 'Deliveries',
      description: 'How many times the same event (the same event id) is delivered.',
    }),
  })
  .meta({
    title: 'idempotency spec',
    description:
      'The same event delivered several times to a consumer’s service: what it leads to must be the same as for one delivery.',
  });

export const Spec = z
  .discriminatedUnion('kind', [DeciderSpec, ReadModelSpec, ContractSpec, IdempotencySpec])
  .meta({ title: 'Spec' });

export const DesignChange = z
  .discriminatedUnion('change', [
    z
      .strictObject({
        change: z.literal('rename-field'),
        eventType: EventTypeName.meta({ title: 'Event type' }),
        from: FieldName.meta({ title: 'From' }),
        to: FieldName.meta({ title: 'To' }),
      })
      .meta({
        title: 'the producer renames a field',
        description:
          'In the event type’s schema, in what the aggregate writes and reads, and in the producer’s own decider specs; consumers are not changed.',
      }),
    z
      .strictObject({ change: z.literal('drop-dedup'), group })
      .meta({ title: 'a consumer stops deduplicating', description: 'The group is no longer idempotent.' }),
    z
      .strictObject({ change: z.literal('withdraw') })
      .meta({ title: 'the change is withdrawn', description: 'Back to the deployed design.' }),
  ])
  .meta({ title: 'Change' });

export const SPEC_ACTIONS = [
  z.strictObject({ kind: z.literal('change-design'), change: DesignChange }).meta({
    title: 'a change to the design is proposed',
    description:
      'Like a pull request: the specs run against the changed design; the running system keeps the deployed one.',
  }),
] as const;

export const SPEC_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('spec'),
      spec: specRef,
      passes: z.boolean().meta({ title: 'Passes' }),
    })
    .meta({ title: 'a spec’s result', description: 'Whether the spec passes against the design at this step.' }),
] as const;
