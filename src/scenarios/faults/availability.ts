/**
 * Which faults of the palette apply to a scenario at a step, and — for those that do not — why, in a
 * sentence the panel shows beside the disabled button (it never disappears).
 */
import type { ScenarioDef } from '../schema';
import type { World } from '../world';

export const FAULTS = [
  'Crash consumer',
  'Pause consumer',
  'Slow consumer',
  'Poison message',
  'Duplicate delivery',
  'Drop producer connection',
  'Kill broker',
  'Restart broker',
  'Slow projection',
] as const;

export type FaultName = (typeof FAULTS)[number];

/** Why a fault cannot be injected here, or null when it can. */
export type FaultAvailability = Readonly<Record<FaultName, string | null>>;

const isDeadLetterTopic = (name: string) => name.endsWith('.DLT');

/**
 * Outside scenarios with replicated topics (topology.replication), one broker stands for the cluster:
 * with no replicas, ISR or leader election in their world, a broker failure has nothing faithful to show.
 */
const ONE_BROKER = 'This scenario models one broker without replicas;';

/**
 * Two regions (topology.mirror): each region is its own Kafka cluster with its own topics and consumer
 * groups, held in the mirror's world (`steps/mirror.ts`), not in the single cluster the palette's faults
 * act on. None of them is faithful there, so each says so instead of "no topic" or "no consumer group".
 */
const MIRRORED =
  'This scenario runs one Kafka cluster per region, joined by MirrorMaker 2, and the failure lab injects faults into a single cluster only';

function mirroredAvailability(scenario: ScenarioDef): FaultAvailability {
  const down = scenario.steps.findIndex((s) => s.action.kind === 'region-down');
  const own = down >= 0 ? ` The scenario's own step ${down + 1} takes a region down.` : '';
  const why = (what: string) => `${MIRRORED}, so ${what} is not modelled here.${own}`;
  return {
    'Crash consumer': why('a crash of a region’s consumer'),
    'Pause consumer': why('pausing a region’s consumer'),
    'Slow consumer': why('a slow consumer in a region'),
    'Duplicate delivery': why('a duplicate delivery in a region'),
    'Poison message': why('a poison message in a region'),
    'Drop producer connection': why('a dropped producer connection in a region'),
    'Kill broker': why('killing one region’s broker'),
    'Restart broker': why('restarting one region’s broker'),
    'Slow projection':
      (scenario.topology.projections ?? []).length === 0
        ? 'This scenario has no read model (projection), so there is nothing to fall behind the event store.'
        : null,
  };
}

/**
 * A poison record fails only in a script `poll` (its retry path, `consumeWithRetry`): the engine's poll loop
 * (`poll-batch`) models slow records, not failing ones. Without any `poll` step nothing would ever fail on one.
 */
function noFailingPoll(scenario: ScenarioDef): string | null {
  const kinds = new Set(scenario.steps.map((s) => s.action.kind));
  if (kinds.has('poll')) return null;
  return kinds.has('poll-batch')
    ? 'This scenario’s consumers run the poll loop (poll-batch), which models records that are slow to process, not records that fail, so no consumer here would fail on a poison message.'
    : 'No step of this scenario has a consumer group member poll its topics, so no consumer here would fetch a poison message and fail on it.';
}

export function faultAvailability(scenario: ScenarioDef, world: World): FaultAvailability {
  if (scenario.topology.mirror && Object.keys(world.broker.topics).length === 0) return mirroredAvailability(scenario);
  const topics = Object.keys(world.broker.topics).filter((t) => !isDeadLetterTopic(t));
  const groups = Object.values(world.broker.groups);
  const members = groups.some((g) => Object.keys(g.members).length > 0);
  const cluster = world.replication;
  const noBroker = topics.length === 0 && scenario.topology.topics.length === 0 && !cluster;
  // Replicated topics only: their consumers fetch partitions directly, with no consumer group.
  const onlyReplicated = topics.length === 0 && scenario.topology.topics.length === 0 && cluster !== undefined;
  const consumer = (verb: string): string | null =>
    members
      ? null
      : groups.length === 0
        ? onlyReplicated
          ? `This scenario has no consumer group: its consumers fetch the replicated partitions directly, so there is no group member to ${verb}.`
          : `This scenario has no consumer group: nothing reads from a topic here, so there is no consumer to ${verb}.`
        : `No consumer group has a member at step ${world.step}: there is no consumer to ${verb}.`;
  const brokers = cluster ? Object.entries(cluster.online) : [];
  return {
    'Crash consumer': consumer('crash'),
    'Pause consumer': consumer('pause'),
    'Slow consumer': consumer('slow down'),
    'Duplicate delivery': consumer('deliver a record to twice'),
    'Poison message': noBroker
      ? 'This scenario has no Kafka topic (it is an event store only), so there is no record for a consumer to fail on.'
      : onlyReplicated
        ? 'No consumer here processes records (its consumers only fetch them), so a poison message has nothing to fail in.'
        : topics.length === 0
          ? `No topic exists yet at step ${world.step}: step forward until one does.`
          : noFailingPoll(scenario),
    'Drop producer connection': noBroker
      ? 'This scenario has no Kafka broker (it is an event store only), so there is no producer connection to drop.'
      : onlyReplicated
        ? 'A dropped connection is not modelled for replicated topics; kill the leader before its followers copy a record to see what happens to an acknowledgement.'
        : producersWithSends(world).length === 0
          ? transactionalSenders(world)
            ? `Only transactional producers have sent at step ${world.step}; a dropped connection is modelled for plain and idempotent producers (a transactional producer is idempotent too, so its retried send would be deduplicated).`
            : `No producer has sent a record yet at step ${world.step}: step forward until one has, then drop its connection before the acknowledgement arrives.`
          : null,
    'Kill broker': cluster
      ? brokers.some(([, up]) => up)
        ? null
        : `Every broker is down at step ${world.step}: restart one first.`
      : noBroker
        ? 'This scenario has no Kafka broker: it is an event store only.'
        : `${ONE_BROKER} with no replica to take over its partitions there is no failover to show, and a broker outage is not modelled here.`,
    'Restart broker': cluster
      ? brokers.some(([, up]) => !up)
        ? null
        : `Every broker is running at step ${world.step}: kill one first.`
      : noBroker
        ? 'This scenario has no Kafka broker: it is an event store only.'
        : `${ONE_BROKER} it never stops here, so there is no stopped broker to restart.`,
    'Slow projection':
      (scenario.topology.projections ?? []).length === 0
        ? 'This scenario has no read model (projection), so there is nothing to fall behind the event store.'
        : null,
  };
}

/** The brokers of a replicated scenario that are running (up) or down, by number. */
export const brokersThatAre = (world: World, up: boolean): number[] =>
  Object.entries(world.replication?.online ?? {})
    .filter(([, online]) => online === up)
    .map(([b]) => Number(b))
    .sort((a, b) => a - b);

/**
 * The producers whose connection can drop at this step: those that have sent a record. Transactional
 * producers are left out: their sends belong to a transaction (commit waits for every send's
 * acknowledgement), and the fault's retry is a plain send, which the broker refuses from them.
 */
export const producersWithSends = (world: World): string[] =>
  Object.entries(world.broker.producers)
    .filter(([id, p]) => p.lastSend !== null && id !== '(default)' && p.transactionalId === undefined)
    .map(([id]) => id)
    .sort();

const transactionalSenders = (world: World): boolean =>
  Object.values(world.broker.producers).some((p) => p.lastSend !== null && p.transactionalId !== undefined);
