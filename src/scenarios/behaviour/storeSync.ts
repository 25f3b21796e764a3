/**
 * Appending to the world's log with the event store's own rules (expected revision, idempotent
 * re-append), answered synchronously from the log. The durable stores use the same rules.
 */
import { decideAppend, decideSync, type Probe, type ProbeAnswer } from '../../engine/eventstore/appendRules';
import type { WrongExpectedVersionError } from '../../engine/eventstore/errors';
import { appendToLog, eventsOfStream, headPosition, streamRevision, type EventLog } from '../../engine/sim/eventLog';
import type { ExpectedRevision, NewEvent, RecordedEvent } from '../../engine/types';

export type CheckedAppend =
  { ok: true; log: EventLog; recorded: RecordedEvent[] } | { ok: false; error: WrongExpectedVersionError };

export function appendChecked(
  log: EventLog,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  recordedAt: number,
): CheckedAppend {
  const last = streamRevision(log, streamId) ?? -1;
  const answer = (p: Probe): ProbeAnswer => {
    const stream = eventsOfStream(log, streamId);
    if (p.kind === 'find') {
      const i = stream.findIndex((e) => e.eventId === p.eventId);
      return i < 0 ? undefined : i;
    }
    return stream
      .slice(p.fromRevision, p.fromRevision + p.count)
      .map((e) => ({ eventId: e.eventId, position: e.position }));
  };
  const decision = decideSync(
    decideAppend(
      streamId,
      expected,
      events.map((e) => e.eventId),
      last,
      headPosition(log),
    ),
    answer,
  );
  if (decision.kind === 'conflict') return { ok: false, error: decision.error };
  if (decision.kind === 'noop') return { ok: true, log, recorded: [] };
  const r = appendToLog(log, streamId, events, recordedAt);
  return { ok: true, log: r.log, recorded: r.recorded };
}
