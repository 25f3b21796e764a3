/**
 * Replicated topics in a scenario (`topology.replication`): the cluster is created at step 0, each
 * replication step goes through `src/engine/replication` (nothing here decides a rule), and time passing
 * is the model's `tick` (the ISR shrinking after replica.lag.time.max.ms, acks=all requests timing out),
 * run after every step. The model counts time from 0: here, milliseconds since the scenario's start.
 */
import * as replication from '../../engine/replication';
import type { Effect } from '../../engine/types';
import type { CompiledScenario } from '../compiledScenario';
import type { ActionDef, ScenarioDef } from '../schema';
import type { World } from '../world';

type ReplicationAction = Extract<
  ActionDef,
  { kind: 'produce' | 'follower-fetch' | 'consumer-fetch' | 'crash-broker' | 'restart-broker' | 'elect-leader' }
>;

export interface Applied {
  world: World;
  effects: Effect[];
}

/** Step 0: the cluster and its replicated topics, every replica in sync and empty (none without the option). */
export function initialReplication(scenario: ScenarioDef): { cluster?: replication.ClusterState; effects: Effect[] } {
  const spec = scenario.topology.replication;
  if (!spec) return { effects: [] };
  let cluster = replication.createCluster({
    ...(spec.brokers !== undefined ? { brokers: spec.brokers } : {}),
    ...(spec.eligibleLeaderReplicas !== undefined ? { eligibleLeaderReplicas: spec.eligibleLeaderReplicas } : {}),
  });
  const effects: Effect[] = [];
  for (const t of spec.topics) {
    const r = replication.createReplicatedTopic(cluster, {
      name: t.name,
      replicationFactor: t.replicationFactor,
      ...(t.partitions !== undefined ? { partitions: t.partitions } : {}),
      ...(t.minInsyncReplicas !== undefined ? { minInsyncReplicas: t.minInsyncReplicas } : {}),
      ...(t.uncleanLeaderElection !== undefined ? { uncleanLeaderElection: t.uncleanLeaderElection } : {}),
    });
    cluster = r.state;
    effects.push(...r.effects);
  }
  return { cluster, effects };
}

const modelTime = (world: World, rt: CompiledScenario) => world.time - rt.scenario.startTime;

/** One replication step. A step naming what the cluster lacks (only a draft could) changes nothing and says why. */
export function replicationStep(world: World, action: ReplicationAction, rt: CompiledScenario): Applied {
  const cluster = world.replication;
  const topic = 'topic' in action ? action.topic : null;
  const missing = !cluster
    ? 'this scenario has no replicated topics (topology.replication)'
    : topic !== null && !cluster.topics[topic]
      ? `there is no replicated topic "${topic}"`
      : null;
  if (missing !== null || !cluster)
    return {
      world,
      effects: [
        {
          kind: 'request-rejected',
          request: action.kind,
          target: topic ?? 'cluster',
          error: 'UNKNOWN',
          reason: `Nothing happens: ${missing}`,
        },
      ],
    };
  const now = modelTime(world, rt);
  const partition = 'partition' in action ? (action.partition ?? 0) : 0;
  const r = run(cluster, action, partition, now);
  return { world: { ...world, replication: r.state }, effects: r.effects };
}

function run(
  cluster: replication.ClusterState,
  a: ReplicationAction,
  partition: number,
  now: number,
): replication.ReplicationStep {
  switch (a.kind) {
    case 'produce':
      return replication.produce(
        cluster,
        { producer: a.producer, topic: a.topic, partition, key: a.key ?? null, value: a.value, acks: a.acks },
        now,
      );
    case 'follower-fetch':
      return replication.followerFetch(cluster, { topic: a.topic, partition, follower: a.broker }, now);
    case 'consumer-fetch':
      return replication.consumerFetch(cluster, { consumer: a.consumer, topic: a.topic, partition }, now);
    case 'crash-broker':
      return replication.crashBroker(cluster, a.broker, now);
    case 'restart-broker':
      return replication.restartBroker(cluster, a.broker, now);
    case 'elect-leader':
      return replication.electUncleanLeader(cluster, a.topic, partition, now);
  }
}

/** Time has passed (every step takes stepMs, advance-time more): the model's periodic checks run at the new time. */
export function tickReplication(world: World, rt: CompiledScenario): Applied {
  if (!world.replication) return { world, effects: [] };
  const r = replication.tick(world.replication, modelTime(world, rt));
  return r.state === world.replication
    ? { world, effects: r.effects }
    : { world: { ...world, replication: r.state }, effects: r.effects };
}
