/**
 * Upcasters: pure functions turning an event of schema version n into version n+1, chained and
 * applied on read (when loading aggregates and feeding projections). Stored events are never
 * rewritten: the store keeps the version it was given, readers see the newest.
 */
import type { RecordedEvent, StoreEffect } from '../types';

export interface Upcaster {
  eventType: string;
  /** The version this upcaster reads; it produces `fromVersion + 1`. */
  fromVersion: number;
  /** Pure: returns the new data (it must not change its argument). */
  upcast(data: unknown, event: RecordedEvent): unknown;
  /** The event type after this step, when it is renamed (rare). */
  toEventType?: string;
}

export interface UpcastResult {
  event: RecordedEvent;
  effects: StoreEffect[];
}

export interface UpcasterChain {
  /** The event at the newest version known for its type (the same object when nothing applies). */
  upcast(event: RecordedEvent): RecordedEvent;
  /** The same, with one `event-upcast` effect per step. */
  upcastWithEffects(event: RecordedEvent): UpcastResult;
  /** The newest version an event type reaches through the chain, given its stored version. */
  latestVersion(eventType: string, fromVersion: number): number;
}

export function createUpcasterChain(upcasters: readonly Upcaster[] = []): UpcasterChain {
  const byKey = new Map<string, Upcaster>();
  for (const u of upcasters) {
    if (!Number.isInteger(u.fromVersion) || u.fromVersion < 1)
      throw new TypeError(`upcaster for ${u.eventType}: fromVersion must be an integer ≥ 1`);
    const key = `${u.eventType}@${u.fromVersion}`;
    if (byKey.has(key)) throw new TypeError(`two upcasters for ${u.eventType} v${u.fromVersion}`);
    byKey.set(key, u);
  }

  const types = new Set(upcasters.map((u) => u.eventType));
  const upcastWithEffects = (event: RecordedEvent): UpcastResult => {
    if (!types.has(event.eventType)) return { event, effects: [] };
    let current = event;
    const effects: StoreEffect[] = [];
    for (let guard = 0; guard < 1000; guard++) {
      const version = current.schemaVersion ?? 1;
      const u = byKey.get(`${current.eventType}@${version}`);
      if (!u) return { event: current, effects };
      const data = u.upcast(structuredClone(current.data), current);
      const eventType = u.toEventType ?? current.eventType;
      effects.push({
        kind: 'event-upcast',
        eventId: current.eventId,
        eventType,
        fromVersion: version,
        toVersion: version + 1,
        reason: `${current.eventType} v${version} was stored before v${version + 1}; upcast on read (the stored event is unchanged)`,
      });
      current = { ...current, eventType, schemaVersion: version + 1, data };
    }
    throw new Error(`upcaster chain for ${event.eventType} does not end`);
  };

  return {
    upcast: (event) => (types.has(event.eventType) ? upcastWithEffects(event).event : event),
    upcastWithEffects,
    latestVersion(eventType, fromVersion) {
      let v = fromVersion;
      let type = eventType;
      for (let u = byKey.get(`${type}@${v}`); u; u = byKey.get(`${type}@${v}`)) {
        type = u.toEventType ?? type;
        v++;
      }
      return v;
    },
  };
}

/** No upcasters: events are read as stored. */
export const noUpcasters: UpcasterChain = createUpcasterChain([]);
