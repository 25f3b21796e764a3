/**
 * Aggregates as decide/evolve (emmett's decider): `decide(command, state)` returns the events a
 * command produces or a rejection, `evolve(state, event)` folds an event into the state. Loading =
 * the latest snapshot (if it was taken by this definition version) + the events after it, upcast on
 * read. Commands are appended with the revision they were decided on (optimistic concurrency).
 *
 * A retried command is NOT automatically a no-op. `handleCommand` loads the current state, decides
 * again and appends what it decides: a retried AddTip on a completed ride adds a second tip. What
 * makes a retry safe is one of:
 * - the aggregate's own rules: a command whose effect is already in the state is refused
 *   (RequestRide on a ride already requested) — idempotent by state;
 * - the revision the client saw (`Command.expectedRevision`): the command is decided on the state at
 *   that revision and appended with that exact expectation, so a retry of one that already landed
 *   writes the same event ids (derived from the command id) at the same revisions, which the store
 *   recognises and does not write again (KurrentDB's strong idempotency check, IndexWriter.CheckCommit);
 *   and if another command changed the stream in between, the retry is a conflict, never a duplicate.
 * An `any` append with the same event ids is only best effort (see RECENT_EVENT_IDS_CAPACITY).
 */
import { WrongExpectedVersionError } from '../eventstore/errors';
import type { EventMetadata, EventStore, ExpectedRevision, NewEvent, RecordedEvent, StoreEffect } from '../types';
import type { SnapshotRecord, SnapshotStore } from './ports';
import { noUpcasters, type UpcasterChain } from './upcasters';

export interface Command<T extends string = string, D = unknown> {
  /**
   * Unique per command; its events get ids derived from it (`<commandId>:<i>`). That alone does not
   * make a retry harmless: without `expectedRevision` a retried command is decided again on the
   * current state and appended (see the module comment).
   */
  commandId: string;
  /**
   * The revision of the stream the client saw when it sent the command (`no_stream` for a new
   * stream). When set, the command is decided on the state at that revision and appended with that
   * exact expectation: a retry of a command that already landed is recognised by the store (same ids
   * at the same revisions) and appends nothing; a command overtaken by another is a conflict.
   */
  expectedRevision?: number | 'no_stream';
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
}

export interface AggregateDeps {
  store: EventStore;
  snapshots?: SnapshotStore;
  upcasters?: UpcasterChain;
}

export interface LoadedAggregate<S> {
  state: S;
  /** Revision of the last event folded in (−1: no stream). */
  revision: number;
  /** The snapshot used, if any. */
  snapshot: SnapshotRecord | null;
  /** Events read from the store (after the snapshot). */
  eventsRead: number;
  effects: StoreEffect[];
}

/** Loads the state from the stream; with `upTo`, only the events up to that revision (the state a client saw). */
export async function loadAggregate<S>(
  deps: AggregateDeps,
  def: AggregateDefinition<S, never>,
  streamId: string,
  upTo?: number,
): Promise<LoadedAggregate<S>> {
  const upcasters = deps.upcasters ?? noUpcasters;
  const effects: StoreEffect[] = [];
  let snapshot = deps.snapshots ? ((await deps.snapshots.load(streamId)) ?? null) : null;
  if (snapshot && upTo !== undefined && snapshot.revision > upTo) snapshot = null; // later than the state asked for: unused, kept
  if (snapshot && snapshot.version !== def.version) {
    await deps.snapshots!.delete(streamId);
    snapshot = null;
  }
  if (snapshot) {
    // The stream is the truth: a snapshot ahead of the stream (another branch's) is not used.
    const [last] = await deps.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    if (!last || last.revision < snapshot.revision) {
      await deps.snapshots!.delete(streamId);
      snapshot = null;
    }
  }
  let state = snapshot ? (snapshot.state as S) : def.initialState;
  let revision = snapshot ? snapshot.revision : -1;
  const events = await deps.store.readStream(streamId, {
    fromRevision: revision + 1,
    ...(upTo !== undefined ? { maxCount: Math.max(0, upTo - revision) } : {}),
  });
  for (const stored of events) {
    const { event, effects: upcastEffects } = upcasters.upcastWithEffects(stored);
    effects.push(...upcastEffects);
    state = def.evolve(state, event);
    revision = stored.revision;
  }
  return { state, revision, snapshot, eventsRead: events.length, effects };
}

export type CommandResult<S> =
  | { status: 'accepted'; events: RecordedEvent[]; state: S; revision: number; effects: StoreEffect[] }
  | { status: 'rejected'; reason: string; conflict: boolean; effects: StoreEffect[] };

/** Turns `decide`'s drafts into events with ids and metadata derived from the command. */
export function eventsFromDrafts(command: Command, drafts: EventDraft[]): NewEvent[] {
  return drafts.map((d, i) => ({
    eventId: d.eventId ?? `${command.commandId}:${i}`,
    eventType: d.eventType,
    schemaVersion: d.schemaVersion ?? 1,
    data: d.data,
    metadata: {
      ...command.metadata,
      correlationId: command.metadata?.correlationId ?? command.commandId,
      causationId: command.commandId,
      ...d.metadata,
    },
  }));
}

/**
 * Loads the aggregate, decides, and appends with the revision it decided on. A concurrent change
 * makes the append fail with WrongExpectedVersionError: with `retries` left the command is decided
 * again on the new state (which may now reject it for a domain reason); otherwise it is rejected as
 * a conflict.
 */
export async function handleCommand<S, C extends Command>(
  deps: AggregateDeps,
  def: AggregateDefinition<S, C>,
  command: C,
  options: { retries?: number } = {},
): Promise<CommandResult<S>> {
  const upcasters = deps.upcasters ?? noUpcasters;
  const effects: StoreEffect[] = [];
  const base = { commandId: command.commandId, commandType: command.commandType, streamId: command.streamId };
  const pinned = command.expectedRevision;
  const pinnedRevision = pinned === undefined ? undefined : pinned === 'no_stream' ? -1 : pinned;
  for (let attempt = 0; ; attempt++) {
    const [head] =
      pinned === undefined
        ? []
        : await deps.store.readStream(command.streamId, { direction: 'backwards', maxCount: 1 });
    const lastBefore = head ? head.revision : -1;
    const loaded = await loadAggregate(deps, def as AggregateDefinition<S, never>, command.streamId, pinnedRevision);
    effects.push(...loaded.effects);
    const decision = def.decide(command, loaded.state);
    if (isRejection(decision)) {
      effects.push({ kind: 'command-rejected', ...base, reason: decision.reason });
      return { status: 'rejected', reason: decision.reason, conflict: false, effects };
    }
    if (decision.length === 0) {
      effects.push({
        kind: 'command-accepted',
        ...base,
        eventIds: [],
        reason: `${command.commandType} changed nothing`,
      });
      return { status: 'accepted', events: [], state: loaded.state, revision: loaded.revision, effects };
    }
    const newEvents = eventsFromDrafts(command, decision);
    const expectedRevision: ExpectedRevision = pinned ?? (loaded.revision < 0 ? 'no_stream' : loaded.revision);
    let appended: { nextExpectedRevision: number; position: number };
    try {
      appended = await deps.store.appendToStream(command.streamId, newEvents, { expectedRevision });
    } catch (err) {
      if (!(err instanceof WrongExpectedVersionError)) throw err;
      effects.push({
        kind: 'append-conflict',
        streamId: command.streamId,
        expected: err.expected,
        actual: err.actual,
        reason: `${command.commandType} was decided on revision ${loaded.revision} of ${command.streamId}, but another command changed it first (now ${err.actual === 'no_stream' ? 'no stream' : `revision ${err.actual}`})`,
      });
      // A command pinned to the revision its client saw is not decided again on a newer state.
      if (pinned === undefined && attempt < (options.retries ?? 0)) continue;
      const reason = `Conflict: another command changed ${command.streamId} first (expected ${typeof err.expected === 'number' ? `revision ${err.expected}` : err.expected}, found ${err.actual === 'no_stream' ? 'no stream' : `revision ${err.actual}`}). Nothing was stored.`;
      effects.push({ kind: 'command-rejected', ...base, reason });
      return { status: 'rejected', reason, conflict: true, effects };
    }
    const first = appended.nextExpectedRevision - newEvents.length + 1;
    const recorded = await deps.store.readStream(command.streamId, { fromRevision: first, maxCount: newEvents.length });
    if (pinnedRevision !== undefined && lastBefore > pinnedRevision) {
      // An exact expectation behind the stream's end succeeds only when the same ids are already at
      // those revisions: this command landed before, and the retry appended nothing.
      effects.push({
        kind: 'command-accepted',
        ...base,
        eventIds: recorded.map((e) => e.eventId),
        reason: `${command.commandType} ${command.commandId} was already applied: its events are at revisions ${first}–${appended.nextExpectedRevision} of ${command.streamId}, so the retry (expected revision ${pinned}) appended nothing`,
      });
      let state = loaded.state;
      for (const e of recorded) state = def.evolve(state, upcasters.upcast(e));
      return { status: 'accepted', events: recorded, state, revision: appended.nextExpectedRevision, effects };
    }
    let state = loaded.state;
    for (const e of recorded) {
      state = def.evolve(state, upcasters.upcast(e));
      effects.push({
        kind: 'event-stored',
        streamId: e.streamId,
        revision: e.revision,
        position: e.position,
        eventId: e.eventId,
        eventType: e.eventType,
        reason: `${command.commandType} accepted: ${e.eventType} stored at ${e.streamId}@${e.revision}, global position ${e.position}`,
      });
    }
    effects.push({
      kind: 'command-accepted',
      ...base,
      eventIds: recorded.map((e) => e.eventId),
      reason: `${command.commandType} accepted on revision ${loaded.revision} of ${command.streamId}`,
    });
    const every = def.snapshotEvery ?? 0;
    const revision = appended.nextExpectedRevision;
    if (deps.snapshots && every > 0 && Math.floor((revision + 1) / every) > Math.floor((loaded.revision + 1) / every)) {
      await deps.snapshots.save({ streamId: command.streamId, revision, version: def.version, state });
      effects.push({
        kind: 'snapshot-taken',
        streamId: command.streamId,
        revision,
        reason: `every ${every} events the ${def.name} state is saved, so loading reads fewer events`,
      });
    }
    return { status: 'accepted', events: recorded, state, revision, effects };
  }
}
