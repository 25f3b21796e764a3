/**
 * Projections: `{ name, canHandle, evolve, initialState }` folded over the event log in global
 * order, each with a checkpoint (the last global position applied) kept together with its read
 * model. An event at or below the checkpoint is a duplicate delivery and changes nothing. All pure:
 * catching up returns the next checkpoint and the effects.
 */
import { eventsAfter, type EventLog } from '../eventstore/log';
import type { RecordedEvent, StoreEffect } from '../types';
import type { UpcasterChain } from './upcasters';

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

/**
 * Catches a projection up on the log from its checkpoint: the events after it, upcast on read, in
 * order, while `visible(event)` holds (a projection's lag) and at most `max` of them. Returns the
 * checkpoint it was given when nothing was applied.
 */
export function catchUpProjection<S>(
  log: EventLog,
  p: Projection<S>,
  from: ProjectionCheckpoint<S>,
  upcasters: UpcasterChain,
  options: { visible?(event: RecordedEvent): boolean; max?: number } = {},
): { checkpoint: ProjectionCheckpoint<S>; effects: StoreEffect[] } {
  const max = options.max ?? Infinity;
  let cp = from;
  const effects: StoreEffect[] = [];
  let n = 0;
  for (const stored of eventsAfter(log, cp.position)) {
    if (n >= max || (options.visible && !options.visible(stored))) break;
    const applied = applyToProjection(p, cp, upcasters.upcast(stored));
    cp = applied.checkpoint;
    effects.push(applied.effect);
    n++;
  }
  return { checkpoint: cp, effects };
}
