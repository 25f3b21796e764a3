/**
 * The scenario format's event model, built on the messaging parts (`messaging.ts`): event types, aggregates,
 * projections, upcasters, the outbox relay and services. Part of `scenarios/schema.ts`.
 */
import { GuardSchema, ValueExprSchema } from '../behaviour/expr';
import { z } from '../zod';
import {
  Id,
  Text,
  ShortText,
  EventTypeName,
  CommandName,
  FieldName,
  Json,
  JsonData,
  DataObject,
  Fields,
  NonNegInt,
} from './basics';

export const FieldSpec = z.strictObject({
  name: FieldName.meta({ title: 'Field name' }),
  type: z.enum(['string', 'number', 'boolean', 'object', 'array']).meta({ title: 'Type' }),
  optional: z.boolean().optional().meta({ title: 'Optional' }),
  description: Text.optional().meta({ title: 'Description' }),
});

/** Declared event types: their fields per schema version, where they live. Used by views, linter and exports. */
export const EventTypeSpec = z.strictObject({
  name: EventTypeName.meta({
    title: 'Name',
    description: 'A fact in the past tense, PascalCase: RideRequested, not RequestRide.',
  }),
  schemaVersion: z.number().int().min(1).meta({
    title: 'Schema version',
    description: 'Bump it when the fields change; add an upcaster so old events can still be read.',
  }),
  fields: z.array(FieldSpec).max(50).meta({ title: 'Fields' }),
  aggregate: z.string().max(64).optional().meta({ title: 'Aggregate' }),
  topic: Id.optional().meta({ title: 'Topic' }),
  description: Text.optional().meta({ title: 'Description' }),
  previousVersions: z
    .array(
      z.strictObject({
        schemaVersion: z.number().int().min(1).meta({ title: 'Schema version' }),
        fields: z.array(FieldSpec).max(50).meta({ title: 'Fields' }),
      }),
    )
    .optional()
    .meta({
      title: 'Earlier versions',
      description: 'Earlier versions still found in the store (read through upcasters).',
    }),
});

export const Emit = z.strictObject({
  eventType: EventTypeName.meta({ title: 'Event type' }),
  schemaVersion: z.number().int().min(1).optional().meta({ title: 'Schema version' }),
  data: Fields.meta({ title: 'Data' }),
});

/** One command an aggregate accepts: in which lifecycle states, under which guard, producing which events. */
export const CommandSpec = z.strictObject({
  command: CommandName.meta({
    title: 'Command',
    description: 'An instruction in the imperative, PascalCase: AcceptRide.',
  }),
  when: z.array(FieldName).min(1).meta({
    title: 'Accepted in lifecycle states',
    description:
      'Lifecycle states (the status field) in which the command is accepted; in any other state it is refused.',
  }),
  guard: GuardSchema.optional().meta({ title: 'Guard' }),
  /** Shown when the guard fails. */
  rejectWith: z.string().max(400).optional().meta({ title: 'Message when the guard fails' }),
  checks: z
    .array(
      z.strictObject({
        guard: GuardSchema,
        // A value expression (no .meta(), see KeyedOp), so the message can name what it refuses: the payment id.
        rejectWith: ValueExprSchema.optional(),
      }),
    )
    .min(1)
    .max(10)
    .optional()
    .meta({
      title: 'Checks, each with its own message',
      description:
        'Checked in order before the guard: the first that does not hold refuses the command with its message (e.g. a payment id already among the paid ids).',
    }),
  emit: z.array(Emit).min(1).max(10).meta({ title: 'Events produced' }),
  description: Text.optional().meta({ title: 'Description' }),
});

/** How an event changes the aggregate's state: the lifecycle state it moves to and fields it sets. */
export const EvolveSpec = z.strictObject({
  eventType: EventTypeName.meta({ title: 'Event type' }),
  to: FieldName.optional().meta({ title: 'Moves to lifecycle state' }),
  set: Fields.optional().meta({ title: 'Sets state fields' }),
});

export const AggregateSpec = z.strictObject({
  type: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Z][A-Za-z0-9]*$/, 'aggregate types are PascalCase')
    .meta({ title: 'Type', description: 'The aggregate type, PascalCase (Ride).' }),
  streamPrefix: z
    .string()
    .min(1)
    .max(40)
    .regex(/^[a-z][a-z0-9-]*-$/, 'a lowercase prefix ending in "-" (e.g. "ride-")')
    .meta({ title: 'Stream prefix', description: 'Streams are named prefix + id, e.g. "ride-" + "42".' }),
  version: z.number().int().min(1).meta({
    title: 'Version',
    description: 'Bump when the lifecycle changes: snapshots taken by another version are discarded.',
  }),
  snapshotEvery: z.number().int().min(0).max(10_000).optional().meta({ title: 'Snapshot every (events)' }),
  initial: FieldName.meta({
    title: 'Initial lifecycle state',
    description: 'The lifecycle state before any event (e.g. "none").',
  }),
  fields: DataObject.optional().meta({
    title: 'Initial state fields',
    description: 'Initial values of other state fields.',
  }),
  commands: z.array(CommandSpec).min(1).max(50).meta({ title: 'Commands' }),
  evolve: z.array(EvolveSpec).max(100).meta({ title: 'How events change the state' }),
  description: Text.optional().meta({ title: 'Description' }),
});

// Value expressions carry no .meta(): each titled copy of the recursive expression schema would be inlined
// whole into the JSON Schema; the form names these fields itself.
export const KeyedOp = { key: ValueExprSchema };
const column = FieldName.meta({ title: 'Column' });
const setFields = Fields.meta({ title: 'Set', description: 'Column → value, computed from the event.' });
export const ProjectionOp = z
  .discriminatedUnion('op', [
    z.strictObject({ op: z.literal('upsert'), ...KeyedOp, set: setFields }).meta({
      title: 'insert or replace fields',
      description: 'Sets these columns of the row, creating the row if it does not exist; other columns are kept.',
    }),
    z.strictObject({ op: z.literal('update'), ...KeyedOp, set: setFields }).meta({
      title: 'update an existing row',
      description: 'Sets these columns of the row if it exists; otherwise nothing happens.',
    }),
    z
      .strictObject({
        op: z.literal('increment'),
        ...KeyedOp,
        field: column,
        by: ValueExprSchema,
      })
      .meta({
        title: 'add to a number',
        description: 'Adds to a number column (0 when it has none yet), creating the row if it does not exist.',
      }),
    z
      .strictObject({
        op: z.literal('append'),
        ...KeyedOp,
        field: column,
        value: ValueExprSchema,
      })
      .meta({
        title: 'append to a list',
        description:
          'Adds a value at the end of a list column (at most 1,000 items), creating the row if it does not exist.',
      }),
    z
      .strictObject({ op: z.literal('delete'), ...KeyedOp })
      .meta({ title: 'delete the row', description: 'Removes the row, if it exists.' }),
  ])
  .meta({ title: 'Operation' });

export const ProjectionSpec = z.strictObject({
  name: Id.meta({ title: 'Name' }),
  title: ShortText.meta({ title: 'Title' }),
  columns: z
    .array(FieldName)
    .min(1)
    .max(20)
    .meta({ title: 'Columns', description: 'Read-model columns, in display order.' }),
  lagMs: NonNegInt.optional().meta({
    title: 'Delay behind the write side (ms)',
    description: 'Events become visible to the projection this long after they were stored (eventual consistency).',
  }),
  version: z.number().int().min(1).optional().meta({ title: 'Version' }),
  on: z
    .array(
      z.strictObject({
        eventType: EventTypeName.meta({ title: 'Event type' }),
        ops: z.array(ProjectionOp).min(1).max(20).meta({ title: 'Operations' }),
      }),
    )
    .min(1)
    .max(50)
    .meta({ title: 'Handlers' }),
  description: Text.optional().meta({ title: 'Description' }),
});

const upcastField = FieldName.meta({ title: 'Field' });
export const UpcastOp = z
  .discriminatedUnion('op', [
    z
      .strictObject({
        op: z.literal('rename'),
        from: FieldName.meta({ title: 'From' }),
        to: FieldName.meta({ title: 'To' }),
      })
      .meta({
        title: 'rename a field',
        description: 'The field’s value moves to the new name, when the event has it.',
      }),
    z
      .strictObject({
        op: z.literal('add'),
        field: upcastField,
        value: JsonData(Json).meta({ title: 'Default value' }),
      })
      .meta({
        title: 'add a field with a default',
        description: 'Adds the field with this value when the event has none.',
      }),
    z
      .strictObject({ op: z.literal('remove'), field: upcastField })
      .meta({ title: 'remove a field', description: 'Drops the field from the event.' }),
    z
      .strictObject({
        op: z.literal('convert'),
        field: upcastField,
        to: z.enum(['string', 'number', 'boolean']).meta({ title: 'To type' }),
      })
      .meta({
        title: 'convert a field’s type',
        description: 'Converts the field’s value to a string, number or boolean, when the event has it.',
      }),
  ])
  .meta({ title: 'Change' });

export const UpcasterSpec = z.strictObject({
  eventType: EventTypeName.meta({ title: 'Event type' }),
  fromVersion: z.number().int().min(1).meta({
    title: 'From schema version',
    description: 'Events stored at this version are rewritten to the next one when read.',
  }),
  ops: z.array(UpcastOp).min(1).max(20).meta({ title: 'Changes' }),
  description: Text.optional().meta({ title: 'Description' }),
});

/** The outbox relay: stored events are published to topics in store order. */
export const RelaySpec = z.strictObject({
  auto: z.boolean().meta({
    title: 'Publish after every step (otherwise only on relay steps)',
    description: 'true: publish after every step; false: only on relay steps (to show the outbox at work).',
  }),
  routes: z
    .array(
      z.strictObject({
        eventTypes: z
          .array(EventTypeName)
          .optional()
          .meta({ title: 'Event types', description: 'The stored events this route publishes; omitted: every one.' }),
        topic: Id.meta({ title: 'Topic' }),
        key: ValueExprSchema,
      }),
    )
    .min(1)
    .max(20)
    .meta({ title: 'Routes' }),
});

export const ReactionAction = z
  .union([
    z
      .strictObject({
        command: CommandName.meta({ title: 'Command' }),
        aggregate: z.string().min(1).max(64).meta({ title: 'Aggregate' }),
        id: ValueExprSchema,
        data: Fields.meta({ title: 'Command data' }),
      })
      .meta({
        title: 'send a command',
        description:
          'The service sends a command to an aggregate, with values computed from the event it reacts to; the events it leads to keep that event’s correlation id and name it as their cause.',
      }),
    z
      .strictObject({
        publish: z.strictObject({
          topic: Id.meta({ title: 'Topic' }),
          eventType: EventTypeName.meta({ title: 'Event type' }),
          streamId: ValueExprSchema,
          key: ValueExprSchema,
          data: Fields.meta({ title: 'Data' }),
        }),
      })
      .meta({
        title: 'publish an event',
        description:
          'The service publishes an event straight to a topic (a direct producer: nothing is stored in the event store).',
      }),
  ])
  .meta({ title: 'Action' });

/** A service reacts to the events its consumer group reads (choreography). */
export const ServiceSpec = z.strictObject({
  id: Id.meta({ title: 'Id' }),
  label: ShortText.meta({ title: 'Label' }),
  group: Id.meta({ title: 'Consumer group', description: 'The consumer group whose polls feed this service.' }),
  on: z
    .array(
      z.strictObject({
        eventType: EventTypeName.meta({ title: 'Event type' }),
        when: GuardSchema.optional(),
        do: z.array(ReactionAction).max(10).meta({ title: 'Then' }),
      }),
    )
    .max(50)
    .meta({ title: 'Reactions' }),
  failOn: GuardSchema.optional().meta({
    title: 'Processing fails (poison message) when',
    description: 'Processing fails for events matching this guard (a poison message).',
  }),
  maxAttempts: z.number().int().min(1).max(20).optional().meta({
    title: 'Attempts before dead-lettering',
    description: 'After this many failed attempts a record goes to the dead-letter topic.',
  }),
  deadLetterTopic: Id.optional().meta({
    title: 'Dead-letter topic',
    description:
      'Where a record goes after its last failed attempt (omitted: the record’s topic + ".DLT"); created on its first record.',
  }),
  description: Text.optional().meta({ title: 'Description' }),
});
