/**
 * The form of tracing and alerts (`topology.tracing`, `format/tracing.ts`): which clients have no tracing
 * instrumentation, and the alert rules the run's figures are judged by. Steps need no new action: tracing watches
 * the publishes and polls there are.
 */
import { objects, str } from './draftNames';
import { type FieldDef } from './formTypes';

/** Producers, consumer groups and services: the clients a scenario can leave uninstrumented. */
const clients = (doc: unknown): string[] =>
  ['producers', 'groups', 'services'].flatMap((part) => objects(doc, ['topology', part]).map((x) => str(x.id)));

export const tracingGroup: FieldDef = {
  key: 'tracing',
  kind: 'group',
  optional: true,
  make: () => ({
    untraced: [],
    alerts: {
      windowMs: 60_000,
      maxLag: 100,
      lagCommits: 3,
      maxDeadLetters: 0,
      maxRebalances: 2,
      maxLatencyMs: 5000,
      maxErrorRate: 0.05,
    },
  }),
  fields: [
    { key: 'untraced', kind: 'names', options: ({ doc }) => clients(doc) },
    {
      key: 'alerts',
      kind: 'group',
      fields: [
        { key: 'windowMs', kind: 'int', min: 1 },
        { key: 'maxLag', kind: 'int', min: 0 },
        { key: 'lagCommits', kind: 'int', min: 2, max: 10 },
        { key: 'maxDeadLetters', kind: 'int', min: 0 },
        { key: 'maxRebalances', kind: 'int', min: 0 },
        { key: 'maxLatencyMs', kind: 'int', min: 1 },
        // A fraction (0 to 1): the form has no decimal field, so it is edited as a JSON number.
        { key: 'maxErrorRate', kind: 'json' },
      ],
    },
  ],
};
