/**
 * What the simulator did with a scenario's records, read from a run played to its last step: every record
 * appended (topic, partition, offset, key, value, how its partition was chosen) and, per consumer group,
 * which records its members received, first receipt first. The export embeds these facts so the real run
 * can be printed next to them.
 */
import type { Effect, LearnerInput } from '../../../engine/types';
import { getPartition, indexAtOrAfter } from '../../../engine/broker/log';
import type { ScenarioDef } from '../../schema';
import { Stepper } from '../../stepper';
import type { World } from '../../world';

/** One record the simulator appended, numbered in append order from 1. */
export interface SimRecord {
  readonly n: number;
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly key: string | null;
  readonly value: unknown;
  /** How the simulated producer chose the partition: by key, given explicitly, or sticky (keyless). */
  readonly placement: 'key' | 'explicit' | 'sticky';
  /** For a keyed record: the partition count the producer hashed with (its cached metadata). */
  readonly partitionCount: number | null;
  readonly step: number;
}

/** A record received by a group: which record and which member got it first. */
export interface SimDelivery {
  readonly n: number;
  readonly member: string;
}

export interface SimGroup {
  readonly id: string;
  readonly topics: readonly string[];
  /** Every member the group had during the run: its declared members, then those that joined later. */
  readonly members: readonly string[];
  /** Distinct records the group received, in the order of first receipt (a redelivery is counted once). */
  readonly received: readonly SimDelivery[];
}

export interface RunFacts {
  readonly scenarioId: string;
  readonly title: string;
  readonly steps: number;
  /** Topics at the end of the run, with the partition count each was created with (partitions may be added). */
  readonly topics: readonly { readonly name: string; readonly partitions: number; readonly created: number }[];
  readonly records: readonly SimRecord[];
  readonly groups: readonly SimGroup[];
  /** Records written inside a transaction: the export sends them as plain records (see the README). */
  readonly transactional: number;
  /** The scenario's classic queues (the simulator's contrast with the log): not part of the export. */
  readonly queues: readonly string[];
}

/** Plays the scenario (with the learner's inputs, if any) to its last step and reads what it did. */
export function runFacts(scenario: ScenarioDef, inputs: readonly LearnerInput[] = []): RunFacts {
  const stepper = new Stepper(scenario, inputs);
  const records: SimRecord[] = [];
  const byPlace = new Map<string, SimRecord>();
  const received = new Map<string, SimDelivery[]>();
  const seen = new Map<string, Set<number>>();
  /** Members that joined each group at some step (a script may add a group's members after step 0). */
  const joined = new Map<string, string[]>();
  let transactional = 0;
  const created = new Map<string, number>();
  let world: World | null = null;
  for (let k = 0; k <= stepper.lastStep; k++) {
    const r = stepper.at(k);
    world = r.world;
    for (const e of r.effects) {
      if (e.kind === 'record-appended') {
        const stored = storedRecord(r.world, e);
        if (stored?.txn) transactional++;
        const rec: SimRecord = {
          n: records.length + 1,
          topic: e.topic,
          partition: e.partition,
          offset: e.offset,
          key: e.key,
          value: stored ? stored.value : null,
          placement: e.choice.kind,
          partitionCount: e.choice.kind === 'key' ? e.choice.partitionCount : null,
          step: k,
        };
        records.push(rec);
        byPlace.set(place(e.topic, e.partition, e.offset), rec);
      } else if (e.kind === 'topic-created') {
        if (!created.has(e.topic)) created.set(e.topic, e.partitions);
      } else if (e.kind === 'member-joined') {
        const list = joined.get(e.groupId) ?? [];
        if (!list.includes(e.memberId)) joined.set(e.groupId, [...list, e.memberId]);
      } else if (e.kind === 'records-fetched') {
        const list = received.get(e.groupId) ?? [];
        const got = seen.get(e.groupId) ?? new Set<number>();
        for (const offset of e.offsets) {
          const rec = byPlace.get(place(e.topic, e.partition, offset));
          if (!rec || got.has(rec.n)) continue;
          got.add(rec.n);
          list.push({ n: rec.n, member: e.memberId });
        }
        received.set(e.groupId, list);
        seen.set(e.groupId, got);
      }
    }
  }
  const broker = world!.broker;
  const groupIds = [...new Set([...scenario.topology.groups.map((g) => g.id), ...joined.keys(), ...received.keys()])];
  return {
    scenarioId: scenario.id,
    title: scenario.title,
    steps: stepper.lastStep,
    topics: Object.values(broker.topics).map((t) => ({
      name: t.config.name,
      partitions: t.partitions.length,
      created: created.get(t.config.name) ?? t.partitions.length,
    })),
    records,
    groups: groupIds.map((id) => {
      const spec = scenario.topology.groups.find((g) => g.id === id);
      const state = broker.groups[id];
      return {
        id,
        topics: spec?.topics ?? state?.topics ?? [],
        members: [
          ...new Set([...(spec?.members ?? []), ...(joined.get(id) ?? []), ...Object.keys(state?.members ?? {})]),
        ],
        received: received.get(id) ?? [],
      };
    }),
    transactional,
    queues: Object.keys(world!.queues),
  };
}

const place = (topic: string, partition: number, offset: number) => `${partition}@${offset}@${topic}`;

function storedRecord(world: World, e: Extract<Effect, { kind: 'record-appended' }>) {
  const records = getPartition(world.broker, e.topic, e.partition).records;
  const rec = records[indexAtOrAfter(records, e.offset)];
  return rec && rec.offset === e.offset ? rec : null;
}
