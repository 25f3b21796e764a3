/**
 * Aggregates as decide/evolve (emmett's decider): `decide(command, state)` returns the events a
 * command produces or a rejection, `evolve(state, event)` folds an event into the state. Loading is
 * pure: the latest usable snapshot + the stream's events after it, read from the event log and
 * upcast on read (`loadAggregate`). Handling a command (`command.ts`) decides on the loaded state and
 * appends with the revision it decided on (optimistic concurrency).
 *
 * A retried command is NOT automatically a no-op: it is loaded and decided again on the current
 * state. What makes a retry safe is the aggregate's own rules (a command whose effect is already in
 * the state is refused: RequestRide on a ride already requested), or a client that appends with the
 * exact revision it saw (the store then recognises the same ids at the same revisions: KurrentDB's
 * strong idempotency check, IndexWriter.CheckCommit).
 */
import { eventsOfStream, streamRevision, type EventLog } from '../eventstore/log';
import type { EventMetadata, RecordedEvent, StoreEffect } from '../types';
import type { UpcasterChain } from './upcasters';

export interface Command<T extends string = string, D = unknown> {
  /**
   * Unique per command; the events it produces carry it as their causation. That alone does not
   * make a retry harmless (see the module comment).
   */
  commandId: string;
  /** Imperative (`AcceptRide`). */
  commandType: T;
  /** The aggregate's stream. */
  streamId: string;
  data: D;
  metadata?: EventMetadata;
}

/** An event as `decide` proposes it; ids and metadata are filled in from the command. */
export interface EventDraft {
  eventType: string;
  data: unknown;
  schemaVersion?: number;
  eventId?: string;
  metadata?: EventMetadata;
}

export interface Rejection {
  rejected: true;
  reason: string;
}

export const reject = (reason: string): Rejection => ({ rejected: true, reason });
export const isRejection = (x: unknown): x is Rejection =>
  typeof x === 'object' && x !== null && (x as Rejection).rejected === true;

export interface AggregateDefinition<S, C extends Command = Command> {
  /** Names the aggregate type in effects and errors. */
  name: string;
  /** Bump when evolve or the state's shape changes: snapshots of other versions are discarded. */
  version: number;
  initialState: S;
  decide(command: C, state: S): EventDraft[] | Rejection;
  evolve(state: S, event: RecordedEvent): S;
  /** Take a snapshot every N events (0 or absent: never). */
  snapshotEvery?: number;
  /** The state's lifecycle status, for reasons ("it was 'requested'"); absent: not said. */
  statusOf?(state: S): string;
}

/** A snapshot of one aggregate: the state folded up to `revision` by definition `version`. */
export interface AggregateSnapshot<S = unknown> {
  /** The revision of the last event folded into `state`. */
  readonly revision: number;
  /** The aggregate definition's version; a snapshot of another version is not used. */
  readonly version: number;
  readonly state: S;
}

/** Snapshots by stream id (an optimisation: the stream stays the truth). */
export type Snapshots<S = unknown> = Readonly<Record<string, AggregateSnapshot<S>>>;

export interface LoadedAggregate<S> {
  state: S;
  /** The stream's last revision (−1: no stream): the revision a command on this state expects. */
  revision: number;
  /** The revision of the snapshot loading started from, or null (from revision 0). */
  fromSnapshot: number | null;
  /** Events read from the log (after the snapshot). */
  eventsRead: number;
  /** One `event-upcast` per upcaster step applied on read. */
  effects: StoreEffect[];
}

/**
 * Loads an aggregate from the log: its snapshot when one of this definition's version is at or
 * behind the stream's end (a snapshot ahead of the stream belongs to another story and is not
 * used), then every later event of the stream, upcast on read.
 */
export function loadAggregate<S>(
  log: EventLog,
  snapshots: Snapshots<S>,
  def: AggregateDefinition<S, never>,
  streamId: string,
  upcasters: UpcasterChain,
  useSnapshot = true,
): LoadedAggregate<S> {
  const snap = useSnapshot ? snapshots[streamId] : undefined;
  const last = streamRevision(log, streamId) ?? -1;
  const usable = snap && snap.version === def.version && snap.revision <= last ? snap : undefined;
  let state = usable ? usable.state : def.initialState;
  const effects: StoreEffect[] = [];
  const events = eventsOfStream(log, streamId, usable ? usable.revision + 1 : 0);
  for (const stored of events) {
    const up = upcasters.upcastWithEffects(stored);
    effects.push(...up.effects);
    state = def.evolve(state, up.event);
  }
  return { state, revision: last, fromSnapshot: usable ? usable.revision : null, eventsRead: events.length, effects };
}
