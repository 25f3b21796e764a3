/**
 * Erasure tools (`topology.privacy`) through `src/engine/privacy`: an event appended with its personal fields
 * sealed by the subject's key (the key created at first use, its material drawn from the run's seeded
 * generator), a subject's key deleted (crypto-shredding), and a backup — a copy of the event store, the read
 * models and some topics as they are now. `copiesOf` lists every copy of event data in the world, for the
 * expectations and the view.
 */
import { appendToLog } from '../../engine/eventstore/log';
import {
  deleteKey,
  EMPTY_KEY_STORE,
  sealFields,
  takeBackup,
  type DataCopy,
  type PrivacyState,
} from '../../engine/privacy';
import { nextRandom } from '../../engine/sim/random';
import type { Effect } from '../../engine/types';
import { nextEventId } from '../ids';
import type { ActionDef, ScenarioDef } from '../schema';
import type { World } from '../world';

type PrivacyAction = Extract<ActionDef, { kind: 'append-personal' | 'shred-key' | 'take-backup' }>;

const EMPTY: PrivacyState = { keys: EMPTY_KEY_STORE, backups: {} };

/** The data a topic record carries: the event's data for an event record, the value itself otherwise. */
export function recordData(value: unknown): unknown {
  if (value !== null && typeof value === 'object' && 'data' in value) return (value as { data: unknown }).data;
  return value;
}

/** Every copy of event data in the world now: stored events, read-model rows, and records of `topics`. */
export function copiesOf(world: World, topics: readonly string[]): DataCopy[] {
  const out: DataCopy[] = world.log.events.map((e) => ({
    place: { in: 'event-store', streamId: e.streamId, revision: e.revision },
    data: e.data,
  }));
  for (const [projection, p] of Object.entries(world.projections))
    for (const [key, row] of Object.entries(p.rows))
      out.push({ place: { in: 'read-model', projection, key }, data: row });
  for (const topic of topics)
    for (const log of world.broker.topics[topic]?.partitions ?? [])
      for (const r of log.records)
        if (!r.control)
          out.push({
            place: { in: 'topic', topic, partition: r.partition, offset: r.offset, key: r.key },
            data: recordData(r.value),
          });
  return out;
}

export function privacyStep(
  world: World,
  scenario: ScenarioDef,
  action: PrivacyAction,
): { world: World; effects: Effect[] } {
  const spec = scenario.topology.privacy;
  const state = world.privacy ?? EMPTY;
  if (!spec && action.kind !== 'take-backup')
    return {
      world,
      effects: [
        {
          kind: 'request-rejected',
          request: action.kind,
          target: action.subject,
          error: 'no key store',
          reason: 'this scenario has no key store (topology.privacy)',
        },
      ],
    };
  switch (action.kind) {
    case 'append-personal': {
      const [r, rng1] = nextRandom(world.rng);
      const [eventId, rng] = nextEventId(rng1);
      const sealed = sealFields(
        state.keys,
        action.subject,
        action.data,
        spec!.personalFields,
        Math.floor(r * 0x100000000),
        world.time,
      );
      const appended = appendToLog(
        world.log,
        action.streamId,
        [
          {
            eventId,
            eventType: action.eventType,
            schemaVersion: 1,
            data: sealed.data,
            metadata: { correlationId: eventId, causationId: eventId, occurredAt: world.time, subject: action.subject },
          },
        ],
        'any',
        world.time,
      );
      if (!appended.ok) throw new Error(appended.error.message); // 'any' never conflicts
      const e = appended.recorded[0]!;
      return {
        world: { ...world, rng, log: appended.log, privacy: { ...state, keys: sealed.store } },
        effects: [
          ...sealed.effects,
          {
            kind: 'event-stored',
            streamId: e.streamId,
            revision: e.revision,
            position: e.position,
            eventId: e.eventId,
            eventType: e.eventType,
            reason: `${e.eventType} stored as revision ${e.revision} of "${e.streamId}" (global position ${e.position})${
              sealed.sealed.length
                ? ` with ${sealed.sealed.join(', ')} encrypted`
                : ', with no personal field to encrypt'
            }`,
          },
        ],
      };
    }
    case 'shred-key': {
      const d = deleteKey(state.keys, action.subject, world.time);
      return { world: { ...world, privacy: { ...state, keys: d.store } }, effects: d.effects };
    }
    case 'take-backup': {
      const b = takeBackup(action.backup, copiesOf(world, action.topics), world.time);
      return {
        world: { ...world, privacy: { ...state, backups: { ...state.backups, [action.backup]: b.backup } } },
        effects: b.effects,
      };
    }
  }
}
