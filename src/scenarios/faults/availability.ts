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
 * Kafka replication (replicas, the in-sync replica set, leader election) is not part of these scenarios'
 * world: one broker stands for the cluster, so a broker failure has nothing faithful to show here.
 */
const ONE_BROKER = 'This scenario models one broker without replicas;';

export function faultAvailability(scenario: ScenarioDef, world: World): FaultAvailability {
  const topics = Object.keys(world.broker.topics).filter((t) => !isDeadLetterTopic(t));
  const groups = Object.values(world.broker.groups);
  const members = groups.some((g) => Object.keys(g.members).length > 0);
  const noBroker = topics.length === 0 && scenario.topology.topics.length === 0;
  const consumer = (verb: string): string | null =>
    members
      ? null
      : groups.length === 0
        ? `This scenario has no consumer group: nothing reads from a topic here, so there is no consumer to ${verb}.`
        : `No consumer group has a member at step ${world.step}: there is no consumer to ${verb}.`;
  return {
    'Crash consumer': consumer('crash'),
    'Pause consumer': consumer('pause'),
    'Slow consumer': consumer('slow down'),
    'Duplicate delivery': consumer('deliver a record to twice'),
    'Poison message': noBroker
      ? 'This scenario has no Kafka topic (it is an event store only), so there is no record for a consumer to fail on.'
      : topics.length === 0
        ? `No topic exists yet at step ${world.step}: step forward until one does.`
        : null,
    'Drop producer connection': noBroker
      ? 'This scenario has no Kafka broker (it is an event store only), so there is no producer connection to drop.'
      : producersWithSends(world).length === 0
        ? `No producer has sent a record yet at step ${world.step}: step forward until one has, then drop its connection before the acknowledgement arrives.`
        : null,
    'Kill broker': noBroker
      ? 'This scenario has no Kafka broker: it is an event store only.'
      : `${ONE_BROKER} with no replica to take over its partitions there is no failover to show, and a broker outage is not modelled here.`,
    'Restart broker': noBroker
      ? 'This scenario has no Kafka broker: it is an event store only.'
      : `${ONE_BROKER} it never stops here, so there is no stopped broker to restart.`,
    'Slow projection':
      (scenario.topology.projections ?? []).length === 0
        ? 'This scenario has no read model (projection), so there is nothing to fall behind the event store.'
        : null,
  };
}

/** The producers whose connection can drop at this step: those that have sent a record. */
export const producersWithSends = (world: World): string[] =>
  Object.entries(world.broker.producers)
    .filter(([id, p]) => p.lastSend !== null && id !== '(default)')
    .map(([id]) => id)
    .sort();
