/**
 * Handling a command, purely: `(log, snapshots, command, loaded state) → {log, snapshots, effects}`.
 * The command is decided on the state it was loaded with and appended with the revision that state
 * was at (optimistic concurrency): if the stream moved since, the append is refused like a real
 * event store's WrongExpectedVersion and nothing is written (the caller may load again and retry).
 * Every `snapshotEvery` events the aggregate's state is kept as a snapshot.
 */
import { appendToLog, type EventLog } from '../eventstore/log';
import type { NewEvent, RecordedEvent, StoreEffect } from '../types';
import {
  isRejection,
  loadAggregate,
  type AggregateDefinition,
  type Command,
  type EventDraft,
  type LoadedAggregate,
  type Snapshots,
} from './aggregate';
import type { UpcasterChain } from './upcasters';

export interface CommandContext<S> {
  upcasters: UpcasterChain;
  /** Who issued the command (a service, a user's app), for reasons. */
  by: string;
  /** The aggregate's id as learners name it (the stream id minus its prefix). */
  aggregateId: string;
  /** The simulated time the events are recorded at. */
  recordedAt: number;
  /** Turns `decide`'s drafts into events: ids and metadata are the caller's policy. */
  toEvents(drafts: EventDraft[]): NewEvent[];
  /** Sees the state the new events lead to before anything is returned (a size limit may throw). */
  checkState?(state: S): void;
}

export interface CommandOutcome<S> {
  outcome: 'accepted' | 'rejected' | 'conflict';
  log: EventLog;
  snapshots: Snapshots<S>;
  recorded: RecordedEvent[];
  effects: StoreEffect[];
}

export function handleCommand<S, C extends Command>(
  log: EventLog,
  snapshots: Snapshots<S>,
  def: AggregateDefinition<S, C>,
  command: C,
  loaded: LoadedAggregate<S>,
  ctx: CommandContext<S>,
): CommandOutcome<S> {
  const { streamId } = command;
  const { by } = ctx;
  const base = { commandId: command.commandId, commandType: command.commandType, streamId };
  const unchanged = (outcome: CommandOutcome<S>['outcome'], effects: StoreEffect[]): CommandOutcome<S> => ({
    outcome,
    log,
    snapshots,
    recorded: [],
    effects,
  });
  const decision = def.decide(command, loaded.state);
  if (isRejection(decision))
    return unchanged('rejected', [{ kind: 'command-rejected', ...base, reason: decision.reason }]);

  const events = ctx.toEvents(decision);
  const expected = loaded.revision < 0 ? ('no_stream' as const) : loaded.revision;
  const appended = appendToLog(log, streamId, events, expected, ctx.recordedAt);
  if (!appended.ok) {
    const actual = appended.error.actual;
    return unchanged('conflict', [
      {
        kind: 'append-conflict',
        streamId,
        expected,
        actual,
        reason: `${by}'s ${command.commandType} was decided on revision ${loaded.revision} of "${streamId}", but the stream is now at revision ${actual}: the append is refused and nothing is written (optimistic concurrency)`,
      },
    ]);
  }
  // The state the new events lead to must stay within the caller's limits (a later load would build it).
  let after = loaded.state;
  for (const e of appended.recorded) after = def.evolve(after, ctx.upcasters.upcast(e));
  ctx.checkState?.(after);
  const was = def.statusOf ? ` (it was "${def.statusOf(loaded.state)}")` : '';
  const effects: StoreEffect[] = [
    {
      kind: 'command-accepted',
      ...base,
      eventIds: appended.recorded.map((e) => e.eventId),
      reason: `${def.name} ${ctx.aggregateId} accepted ${command.commandType} from ${by}${was}`,
    },
    ...appended.recorded.map((e): StoreEffect => ({
      kind: 'event-stored',
      streamId,
      revision: e.revision,
      position: e.position,
      eventId: e.eventId,
      eventType: e.eventType,
      reason: `${e.eventType} stored as revision ${e.revision} of "${streamId}" (global position ${e.position}), appended with expected revision ${typeof expected === 'number' ? expected : 'no stream'}`,
    })),
  ];
  let nextSnapshots = snapshots;
  const every = def.snapshotEvery ?? 0;
  const last = appended.recorded.at(-1);
  if (every > 0 && last && appended.recorded.some((e) => (e.revision + 1) % every === 0)) {
    // Folded from revision 0 (not from the state above): a snapshot never inherits an older one's error.
    const state = loadAggregate(
      appended.log,
      snapshots,
      def as AggregateDefinition<S, never>,
      streamId,
      ctx.upcasters,
      false,
    ).state;
    nextSnapshots = { ...snapshots, [streamId]: { revision: last.revision, version: def.version, state } };
    effects.push({
      kind: 'snapshot-taken',
      streamId,
      revision: last.revision,
      reason: `snapshot of "${streamId}" at revision ${last.revision} (every ${every} events): loading can start here instead of replaying from revision 0`,
    });
  }
  return { outcome: 'accepted', log: appended.log, snapshots: nextSnapshots, recorded: appended.recorded, effects };
}
