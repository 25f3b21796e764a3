/**
 * What producers and consumers believe about leaders: cached metadata, refreshed on first use and after
 * an error (NOT_LEADER_OR_FOLLOWER, or a broker that cannot be reached), as Kafka's clients do.
 */
import { tpKey, type ClientView, type ClusterState, type PartitionState } from './clusterState';
import type { ReplicationEffect } from './effects';

const EMPTY: ClientView = { leaders: {}, positions: {} };

export const clientOf = (state: ClusterState, id: string): ClientView => state.clients[id] ?? EMPTY;

export const withClient = (state: ClusterState, id: string, view: ClientView): ClusterState => ({
  ...state,
  clients: { ...state.clients, [id]: view },
});

export function refreshMetadata(
  state: ClusterState,
  id: string,
  p: PartitionState,
  why: string,
): { state: ClusterState; effect: ReplicationEffect } {
  const view = clientOf(state, id);
  const leaders = { ...view.leaders, [tpKey(p.topic, p.partition)]: { broker: p.leader, epoch: p.leaderEpoch } };
  return {
    state: withClient(state, id, { ...view, leaders }),
    effect: {
      kind: 'client-metadata-refreshed',
      topic: p.topic,
      partition: p.partition,
      client: id,
      leader: p.leader,
      leaderEpoch: p.leaderEpoch,
      reason:
        `${id} ${why}; it asks for metadata: ` +
        (p.leader === null
          ? `${p.topic}-${p.partition} has no leader right now`
          : `broker ${p.leader} leads in epoch ${p.leaderEpoch}`),
    },
  };
}

/**
 * Where the client would send its request, refreshing stale metadata first. `stale` says what the
 * client ran into: a leader it cannot reach, or a live broker that is no longer the leader.
 */
export function routeTo(
  state: ClusterState,
  id: string,
  p: PartitionState,
): { state: ClusterState; effects: ReplicationEffect[]; staleLeader: number | null; unreachable: boolean } {
  const cached = clientOf(state, id).leaders[tpKey(p.topic, p.partition)];
  if (!cached) {
    const r = refreshMetadata(state, id, p, 'sends to this partition for the first time');
    return { state: r.state, effects: [r.effect], staleLeader: null, unreachable: false };
  }
  if (cached.broker === p.leader && cached.epoch === p.leaderEpoch)
    return { state, effects: [], staleLeader: null, unreachable: false };
  if (cached.broker === p.leader) {
    // Same broker, newer leader epoch (it lost and regained leadership): requests to it still work.
    const view = clientOf(state, id);
    const leaders = { ...view.leaders, [tpKey(p.topic, p.partition)]: { broker: p.leader, epoch: p.leaderEpoch } };
    return { state: withClient(state, id, { ...view, leaders }), effects: [], staleLeader: null, unreachable: false };
  }
  if (cached.broker === null) {
    const r = refreshMetadata(state, id, p, 'had no leader for this partition in its metadata');
    return { state: r.state, effects: [r.effect], staleLeader: null, unreachable: false };
  }
  const down = state.online[cached.broker] !== true;
  return { state, effects: [], staleLeader: cached.broker, unreachable: down };
}
