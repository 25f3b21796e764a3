import * as broker from '../engine/broker';
import { createQueue } from '../engine/broker/queue';
import { emptyLog } from '../engine/eventstore/log';
import { seedRng } from '../engine/sim/random';
import { EMPTY_TRACING } from '../engine/tracing';
import type { Effect } from '../engine/types';
import type { ScenarioDef } from './schema';
import { initialReplication } from './steps/replication';
import type { World } from './world';

/** Step 0: the topology is created — topics exist, group members have joined and been assigned. */
export function initialWorld(scenario: ScenarioDef): { world: World; effects: Effect[] } {
  const time = scenario.startTime;
  let state = broker.createBroker({ seed: scenario.seed });
  const effects: Effect[] = [];
  for (const t of scenario.topology.topics) {
    const r = broker.createTopic(
      state,
      {
        name: t.name,
        partitions: t.partitions,
        ...(t.cleanupPolicy ? { cleanupPolicy: t.cleanupPolicy } : {}),
        ...(t.retentionMs !== undefined ? { retentionMs: t.retentionMs } : {}),
        ...(t.retentionBytes !== undefined ? { retentionBytes: t.retentionBytes } : {}),
        ...(t.segmentRecords ? { segmentRecords: t.segmentRecords } : {}),
        ...(t.tombstoneRetentionMs !== undefined ? { tombstoneRetentionMs: t.tombstoneRetentionMs } : {}),
      },
      time,
    );
    state = r.state;
    effects.push(...r.effects);
  }
  for (const p of scenario.topology.producers) {
    if (
      p.idempotent === undefined &&
      p.maxInFlight === undefined &&
      p.stickyBatchSize === undefined &&
      p.transactionalId === undefined
    )
      continue;
    const r = broker.createProducer(
      state,
      {
        producerId: p.id,
        ...(p.idempotent !== undefined ? { idempotent: p.idempotent } : {}),
        ...(p.maxInFlight !== undefined ? { maxInFlight: p.maxInFlight } : {}),
        ...(p.stickyBatchSize !== undefined ? { stickyBatchSize: p.stickyBatchSize } : {}),
        ...(p.transactionalId !== undefined ? { transactionalId: p.transactionalId } : {}),
      },
      time,
    );
    state = r.state;
    effects.push(...r.effects);
  }
  for (const g of scenario.topology.groups) {
    for (const memberId of g.members) {
      const r = broker.joinGroup(
        state,
        {
          groupId: g.id,
          memberId,
          topics: g.topics,
          ...(g.assignor ? { assignor: g.assignor } : {}),
          ...(g.autoOffsetReset ? { autoOffsetReset: g.autoOffsetReset } : {}),
          ...(g.isolationLevel === 'read_committed' ? { isolationLevel: 'read_committed' as const } : {}),
        },
        time,
      );
      state = r.state;
      effects.push(...r.effects);
    }
  }
  const replicated = initialReplication(scenario);
  const tracing = scenario.topology.tracing;
  effects.push(...replicated.effects);
  return {
    world: {
      ...(replicated.cluster ? { replication: replicated.cluster } : {}),
      ...(tracing ? { tracing: { untraced: tracing.untraced, state: EMPTY_TRACING } } : {}),
      scenarioId: scenario.id,
      step: 0,
      time,
      rng: seedRng(scenario.seed ^ 0x5eed),
      broker: state,
      log: emptyLog(),
      projections: {},
      relay: { position: 0 },
      snapshots: {},
      queues: Object.fromEntries(
        (scenario.topology.queues ?? []).map((q) => [
          q.name,
          createQueue({ name: q.name, visibilityTimeoutMs: q.visibilityTimeoutMs }),
        ]),
      ),
    },
    effects,
  };
}
