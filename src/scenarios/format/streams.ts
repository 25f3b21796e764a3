/**
 * The scenario format's stream processors (issue 18): `topology.streamProcessors` declares a Kafka Streams
 * application reading topics of the scenario — a windowed count (or sum) per key of one topic, or a stream–table
 * join of two — its step actions (process what is new on its topics; restore its store from the changelog) and
 * the expectations a scenario proves about it (a window's value, late records dropped, join output). Played
 * through `src/engine/streams`; `actions.ts`, `expectations.ts` and `scenario.ts` spread these into their unions.
 */
import { z } from '../zod';
import { FieldName, Id, Json, NonNegInt, ShortText } from './basics';

const processorRef = Id.meta({ title: 'Stream processor', description: 'One of the topology’s stream processors.' });
const topicRef = Id.meta({ title: 'Topic' });
const ms = (title: string, description: string) => z.number().int().min(1).max(86_400_000).meta({ title, description });
/** A time in a scenario: ms since the epoch, or an ISO 8601 text such as 2026-01-01T12:00:45Z. */
export const TimeValue = z.union([z.number().int().min(0), z.iso.datetime()]).meta({
  title: 'Time',
  description: 'Milliseconds since the epoch, or an ISO 8601 UTC time (2026-01-01T12:00:45Z).',
});

const WindowSpec = z
  .union([
    z.strictObject({
      type: z.literal('tumbling'),
      sizeMs: ms('Size (ms)', 'Each window’s length; windows do not overlap.'),
    }),
    z.strictObject({
      type: z.literal('hopping'),
      sizeMs: ms('Size (ms)', 'Each window’s length.'),
      advanceMs: ms(
        'Advance (ms)',
        'How far each window starts after the previous one (less than the size: they overlap).',
      ),
    }),
    z.strictObject({
      type: z.literal('session'),
      gapMs: ms('Inactivity gap (ms)', 'Records of one key closer than this in event time are one session.'),
    }),
  ])
  .meta({
    title: 'Windows',
    description: 'Tumbling, hopping (TimeWindows.advanceBy) or session windows, on event time.',
  });

const output = topicRef.optional().meta({
  title: 'Output topic',
  description: 'Where the results are written (each window update, or each joined record), by the processor.',
});

export const StreamProcessorSpec = z.union([
  z.strictObject({
    id: Id.meta({ title: 'Id' }),
    title: ShortText.meta({ title: 'Title' }),
    type: z.literal('windowed'),
    source: topicRef.meta({
      title: 'Source topic',
      description: 'Its records are grouped by key and counted per window.',
    }),
    eventTimeField: FieldName.optional().meta({
      title: 'Event-time field',
      description:
        'The field of the event’s data that holds when it happened (a TimestampExtractor); without it, the record’s timestamp.',
    }),
    window: WindowSpec,
    graceMs: z.number().int().min(0).max(86_400_000).meta({
      title: 'Grace (ms)',
      description: 'How long after a window’s end (in stream time) a late record is still accepted.',
    }),
    sumField: FieldName.optional().meta({
      title: 'Sum of field',
      description: 'Sum this data field instead of counting.',
    }),
    output,
  }),
  z.strictObject({
    id: Id.meta({ title: 'Id' }),
    title: ShortText.meta({ title: 'Title' }),
    type: z.literal('join'),
    stream: topicRef.meta({
      title: 'Stream topic',
      description: 'Each record looks up the table when it is processed.',
    }),
    table: topicRef.meta({
      title: 'Table topic',
      description: 'A (compacted) topic read as a table: the latest value per key.',
    }),
    join: z.enum(['inner', 'left']).meta({ title: 'Join', description: 'inner: only records with a row; left: all.' }),
    output,
  }),
]);

export const STREAM_ACTIONS = [
  z.strictObject({ kind: z.literal('run-stream-processor'), processor: processorRef }).meta({
    title: 'the stream processor processes what is new',
    description:
      'It reads the records appended to its topics since it last ran, in timestamp order, and processes each: windows updated or a late record dropped, a table row changed, a stream record joined.',
  }),
  z.strictObject({ kind: z.literal('restore-stream-store'), processor: processorRef }).meta({
    title: 'a new instance restores the state store',
    description:
      'The local store is lost (a new machine); the new instance rebuilds it by replaying its changelog topic.',
  }),
] as const;

export const STREAM_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('window-result'),
      processor: processorRef,
      key: z.string().min(1).max(200).meta({ title: 'Key' }),
      windowStart: TimeValue.meta({ title: 'Window start' }),
      value: z
        .number()
        .int()
        .nullable()
        .meta({ title: 'Value', description: 'The count (or sum); null: no such window.' }),
    })
    .meta({
      title: 'a window’s result',
      description: 'The value the processor’s store holds for that key and window.',
    }),
  z
    .strictObject({
      kind: z.literal('late-dropped'),
      processor: processorRef,
      count: NonNegInt.meta({ title: 'Records dropped', description: 'Records no window accepted (all closed).' }),
    })
    .meta({ title: 'late records dropped', description: 'How many records arrived after their windows had closed.' }),
  z
    .strictObject({
      kind: z.literal('join-output'),
      processor: processorRef,
      count: NonNegInt.meta({ title: 'Joined records', description: 'How many records the join has emitted so far.' }),
      lastTable: Json.optional().meta({
        title: 'Last table side',
        description: 'The table row the last output carried (null: none, a left join).',
      }),
    })
    .meta({ title: 'the join’s output', description: 'How many joined records, and the table side of the last one.' }),
] as const;
