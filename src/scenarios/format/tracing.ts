/**
 * The scenario format's tracing (issue 18, observability): `topology.tracing` turns on W3C Trace Context for the
 * run — every producer's send puts a `traceparent` header on its record, every consumer's processing records a
 * span continuing the record's trace, a service publishing in turn carries its process span's context on — except
 * the clients listed as uninstrumented; and the alert rules the run's figures are judged by. Its expectations check
 * a trace, how two records' ids relate, and an alert. Part of `scenarios/schema.ts`; `expectations.ts` and
 * `scenario.ts` add these to their union and the topology. No step action: tracing watches the steps there are.
 */
import { z } from '../zod';
import { Id, NonNegInt } from './basics';

const ms = (title: string, description: string) => z.number().int().min(1).max(86_400_000).meta({ title, description });

export const AlertRulesSpec = z.strictObject({
  windowMs: ms('Window (ms)', 'Rates (dead letters, rebalances, errors, latency) are counted over this much time.'),
  maxLag: NonNegInt.meta({ title: 'Lag threshold', description: 'The naive alert: lag (records) above this fires.' }),
  lagCommits: z.number().int().min(2).max(10).meta({
    title: 'Commits in the lag-trend window',
    description:
      'Burrow’s rule: lag that grew at each of the group’s last N commits fires (any zero lag in them is OK); no commit for the whole window while records wait fires too.',
  }),
  maxDeadLetters: NonNegInt.meta({ title: 'Dead letters per window', description: 'More than this fires (0: any).' }),
  maxRebalances: NonNegInt.meta({ title: 'Rebalances per window', description: 'More than this fires.' }),
  maxLatencyMs: ms('End-to-end latency (ms)', 'A record processed this long after it was produced, or longer, fires.'),
  maxErrorRate: z.number().min(0).max(1).meta({
    title: 'Error rate',
    description: 'Failed processing attempts / attempts in the window above this fires (0 to 1).',
  }),
});

export const TracingSpec = z.strictObject({
  untraced: z.array(Id).max(10).meta({
    title: 'Uninstrumented clients',
    description:
      'Producers, consumer groups or services whose Kafka client has no tracing instrumentation: they record no span and send no traceparent (the application still copies correlation and causation ids). A consumer reading their records starts a new trace.',
  }),
  alerts: AlertRulesSpec.meta({ title: 'Alert rules' }),
});

const recordRef = {
  topic: Id.meta({ title: 'Topic' }),
  partition: NonNegInt.meta({ title: 'Partition' }),
  offset: NonNegInt.meta({ title: 'Offset' }),
};

export const ALERT_KINDS = ['lag', 'lag-trend', 'dead-letters', 'rebalances', 'latency', 'error-rate'] as const;

export const TRACING_EXPECTATIONS = [
  z
    .strictObject({
      kind: z.literal('trace'),
      ...recordRef,
      spans: NonNegInt.meta({ title: 'Spans', description: 'How many spans the record’s trace has now.' }),
      depth: NonNegInt.optional().meta({
        title: 'Depth',
        description: 'The deepest span’s depth (the root is 0).',
      }),
      errors: NonNegInt.optional().meta({ title: 'Error spans', description: 'Spans with status ERROR.' }),
    })
    .meta({
      title: 'a record’s trace',
      description:
        'The trace whose send span put the record’s traceparent: how many spans it has, how deep it goes and how many failed.',
    }),
  z
    .strictObject({
      kind: z.literal('record-context'),
      ...recordRef,
      of: z.strictObject(recordRef).meta({ title: 'Compared with', description: 'Another record.' }),
      traceparent: z.boolean().meta({ title: 'Has a traceparent', description: 'Whether the record carries one.' }),
      sameTrace: z.boolean().meta({ title: 'Same trace id' }),
      sameCorrelation: z.boolean().meta({ title: 'Same correlation id' }),
      causedBy: z.boolean().meta({
        title: 'Caused by it',
        description: 'The record’s causation id is the other record’s event id.',
      }),
    })
    .meta({
      title: 'how two records’ ids relate',
      description:
        'Compares a record’s headers with another’s: its traceparent (present, same trace id), correlation id and causation id.',
    }),
  z
    .strictObject({
      kind: z.literal('alert'),
      alert: z.enum(ALERT_KINDS).meta({ title: 'Alert' }),
      group: Id.meta({ title: 'Consumer group' }),
      firing: z.boolean().meta({ title: 'Firing' }),
      value: z.number().nullable().optional().meta({ title: 'Value', description: 'The figure now (null: none yet).' }),
    })
    .meta({
      title: 'an alert',
      description: 'Whether an alert fires for a consumer group now, by the topology’s alert rules (and its figure).',
    }),
] as const;
