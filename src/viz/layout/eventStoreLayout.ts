/**
 * The write side as lanes: one lane per stream, grouped by aggregate type (the stream's prefix),
 * each event a box with its revision, type and global position. Pure: from the log, the aggregate
 * definitions, the snapshots and this step's effects.
 */
import type { Effect, RecordedEvent } from '../../engine/types';

export interface AggregateRef {
  type: string;
  streamPrefix: string;
}

export interface StoreEventVM {
  eventId: string;
  eventType: string;
  revision: number;
  position: number;
  /** Stored by this step. */
  isNew: boolean;
  /** A snapshot was taken at this revision (the latest one for the stream). */
  snapshot: boolean;
}

export interface LaneVM {
  streamId: string;
  /** Aggregate id (the stream id without its prefix), or the stream id for other streams. */
  aggregateId: string;
  aggregateType: string | null;
  events: StoreEventVM[];
  /** Events before the visible window. */
  hiddenBefore: number;
  lastRevision: number;
  snapshotRevision: number | null;
  /** This step stored into this stream. */
  touched: boolean;
}

export interface LaneGroupVM {
  /** Aggregate type, or null for streams no aggregate owns (events published directly). */
  aggregateType: string | null;
  label: string;
  lanes: LaneVM[];
}

export interface EventStoreModel {
  groups: LaneGroupVM[];
  head: number;
  /** Whether any stream belongs to an aggregate (the view shows nothing otherwise). */
  hasAggregateEvents: boolean;
  /** The stream the step most recently stored into, else the last aggregate stream written. */
  defaultStream: string | null;
}

export interface EventStoreInput {
  events: readonly RecordedEvent[];
  positions: Readonly<Record<string, readonly number[]>>;
  aggregates: readonly AggregateRef[];
  snapshots: Readonly<Record<string, { revision: number }>>;
  effects: readonly Effect[];
  /** Most recent events shown per lane. */
  window?: number;
}

export function layoutEventStore(input: EventStoreInput): EventStoreModel {
  const { events, positions, aggregates, snapshots, effects } = input;
  const window = input.window ?? 10;
  const fresh = new Set(effects.flatMap((e) => (e.kind === 'event-stored' ? [e.eventId] : [])));
  const touched = new Set(effects.flatMap((e) => (e.kind === 'event-stored' ? [e.streamId] : [])));
  const ownerOf = (streamId: string) => aggregates.find((a) => streamId.startsWith(a.streamPrefix)) ?? null;

  const byType = new Map<string | null, LaneVM[]>();
  for (const a of aggregates) byType.set(a.type, []);
  byType.set(null, []);
  // Streams in order of their first event, so lanes keep their place as the log grows.
  const streams = Object.keys(positions).sort((a, b) => (positions[a]![0] ?? 0) - (positions[b]![0] ?? 0));
  for (const streamId of streams) {
    const all = positions[streamId]!;
    const owner = ownerOf(streamId);
    const snapshotRevision = snapshots[streamId]?.revision ?? null;
    const visible = all.slice(Math.max(0, all.length - window));
    const lane: LaneVM = {
      streamId,
      aggregateId: owner ? streamId.slice(owner.streamPrefix.length) : streamId,
      aggregateType: owner?.type ?? null,
      hiddenBefore: all.length - visible.length,
      lastRevision: all.length - 1,
      snapshotRevision,
      touched: touched.has(streamId),
      events: visible.flatMap((p) => {
        const e = events[p - 1];
        return e
          ? [
              {
                eventId: e.eventId,
                eventType: e.eventType,
                revision: e.revision,
                position: e.position,
                isNew: fresh.has(e.eventId),
                snapshot: e.revision === snapshotRevision,
              },
            ]
          : [];
      }),
    };
    byType.get(lane.aggregateType)!.push(lane);
  }

  const groups = [...byType.entries()]
    .filter(([, lanes]) => lanes.length > 0)
    .map(([type, lanes]): LaneGroupVM => ({
      aggregateType: type,
      label: type ?? 'Other streams (no aggregate)',
      lanes,
    }));
  const aggregateLanes = groups.filter((g) => g.aggregateType !== null).flatMap((g) => g.lanes);
  const lastStored = [...effects].reverse().find((e) => e.kind === 'event-stored' && ownerOf(e.streamId));
  const lastWritten = [...aggregateLanes].sort(
    (a, b) => (b.events.at(-1)?.position ?? 0) - (a.events.at(-1)?.position ?? 0),
  )[0];
  return {
    groups,
    head: events.length,
    hasAggregateEvents: aggregateLanes.length > 0,
    defaultStream: lastStored?.kind === 'event-stored' ? lastStored.streamId : (lastWritten?.streamId ?? null),
  };
}
