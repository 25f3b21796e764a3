/**
 * Projections: `{ name, canHandle, evolve, initialState }` folded over the store in global order,
 * each with a checkpoint (the last global position applied) saved together with its read model.
 * An event at or below the checkpoint is a duplicate delivery and changes nothing.
 */
import type { RecordedEvent, StoreEffect } from '../types';

export interface Projection<S> {
  name: string;
  /** Bump when evolve or the state's shape changes: a stored read model of another version is rebuilt. */
  version?: number;
  initialState: S;
  canHandle(event: RecordedEvent): boolean;
  evolve(state: S, event: RecordedEvent): S;
  /** The read-model row an event touches, for effects and views. */
  rowKey?(event: RecordedEvent): string | null;
}

export interface ProjectionCheckpoint<S> {
  /** The last global position applied (0: nothing yet). */
  position: number;
  state: S;
}

export const initialCheckpoint = <S>(p: Projection<S>): ProjectionCheckpoint<S> => ({
  position: 0,
  state: p.initialState,
});

export interface Applied<S> {
  checkpoint: ProjectionCheckpoint<S>;
  effect: StoreEffect;
  /** False when the event was a duplicate (at or below the checkpoint). */
  advanced: boolean;
}

/** Pure: applies one event (already upcast) to a projection's checkpoint. */
export function applyToProjection<S>(p: Projection<S>, cp: ProjectionCheckpoint<S>, event: RecordedEvent): Applied<S> {
  if (event.position <= cp.position) {
    return {
      checkpoint: cp,
      advanced: false,
      effect: {
        kind: 'projection-skipped',
        projection: p.name,
        position: event.position,
        eventId: event.eventId,
        reason: `${p.name} already applied position ${event.position} (checkpoint ${cp.position}): a duplicate delivery changes nothing`,
      },
    };
  }
  if (!p.canHandle(event)) {
    return {
      checkpoint: { position: event.position, state: cp.state },
      advanced: true,
      effect: {
        kind: 'projection-skipped',
        projection: p.name,
        position: event.position,
        eventId: event.eventId,
        reason: `${p.name} does not handle ${event.eventType}; its checkpoint moves to ${event.position}`,
      },
    };
  }
  return {
    checkpoint: { position: event.position, state: p.evolve(cp.state, event) },
    advanced: true,
    effect: {
      kind: 'projection-applied',
      projection: p.name,
      position: event.position,
      eventId: event.eventId,
      rowKey: p.rowKey ? p.rowKey(event) : null,
      reason: `${p.name} applied ${event.eventType} at position ${event.position}`,
    },
  };
}

/** Pure: folds events into a checkpoint (duplicates and older events are skipped). */
export function projectEvents<S>(
  p: Projection<S>,
  events: Iterable<RecordedEvent>,
  from: ProjectionCheckpoint<S> = initialCheckpoint(p),
): ProjectionCheckpoint<S> {
  let cp = from;
  for (const e of events) cp = applyToProjection(p, cp, e).checkpoint;
  return cp;
}
