/**
 * The kinds of replication actions and expectations (`format/replication.ts`): their names point into
 * `topology.replication`, checked by `replicationReferences.ts`. A plain list, so the scenario index can
 * tell them apart without building the zod schema; `replication.test.ts` checks it against the schema.
 */
export const REPLICATION_KINDS: ReadonlySet<string> = new Set([
  'produce',
  'follower-fetch',
  'consumer-fetch',
  'crash-broker',
  'restart-broker',
  'elect-leader',
  'partition-replicas',
  'replica-log',
]);
