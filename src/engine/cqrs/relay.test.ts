import { describe, expect, it } from 'vitest';
import { appendToLog, emptyLog, type EventLog } from '../eventstore/log';
import type { Effect, RecordedEvent } from '../types';
import { relayFromLog, type Published } from './index';

function logWith(n: number): EventLog {
  let log = emptyLog();
  for (let i = 1; i <= n; i++) {
    const r = appendToLog(
      log,
      `ride-${i % 2}`,
      [{ eventId: `e${i}`, eventType: 'RideRequested', data: { i } }],
      'any',
      i,
    );
    if (r.ok) log = r.log;
  }
  return log;
}

/** A broker that is the list of event ids it took, refusing the ids in `refuse`. */
const publishTo =
  (refuse: string[] = []) =>
  (broker: string[], e: RecordedEvent, position: number): Published<string[]> => {
    if (refuse.includes(e.eventId))
      return {
        broker,
        stopped: true,
        effects: [
          {
            kind: 'request-rejected',
            request: 'relay-publish',
            target: e.eventId,
            error: 'refused',
            reason: `refused; checkpoint stays at ${position}`,
          },
        ],
      };
    return { broker: [...broker, e.eventId], effects: [] };
  };

const reasons = (effects: Effect[]) => effects.map((e) => e.reason);

describe('relay (outbox) on the log', () => {
  it('publishes the events after its checkpoint in log order, and the checkpoint follows', () => {
    const log = logWith(5);
    const first = relayFromLog(log, 0, [] as string[], publishTo(), { maxEvents: 2 });
    expect(first).toMatchObject({ broker: ['e1', 'e2'], position: 2 });
    const rest = relayFromLog(log, first.position, first.broker, publishTo());
    expect(rest).toMatchObject({ broker: ['e1', 'e2', 'e3', 'e4', 'e5'], position: 5 });
    expect(relayFromLog(log, 5, rest.broker, publishTo()).broker).toBe(rest.broker);
  });

  it('an event the broker refuses stops the relay there; the checkpoint never moves past it', () => {
    const log = logWith(4);
    const r = relayFromLog(log, 0, [] as string[], publishTo(['e3']));
    expect(r).toMatchObject({ broker: ['e1', 'e2'], position: 2 });
    expect(reasons(r.effects)).toEqual(['refused; checkpoint stays at 2']);
    const again = relayFromLog(log, r.position, r.broker, publishTo(['e3']));
    expect(again.position).toBe(2);
    expect(relayFromLog(log, r.position, r.broker, publishTo()).broker).toEqual(['e1', 'e2', 'e3', 'e4']);
  });

  it('a crash between publishing and saving the checkpoint loses nothing and publishes those events twice', () => {
    const log = logWith(3);
    const crashed = relayFromLog(log, 0, [] as string[], publishTo(), { crashBeforeCheckpoint: true });
    expect(crashed.position).toBe(0);
    expect(crashed.effects).toEqual([expect.objectContaining({ kind: 'fault-injected', fault: 'relay-crash' })]);
    const restarted = relayFromLog(log, crashed.position, crashed.broker, publishTo());
    expect(restarted).toMatchObject({ broker: ['e1', 'e2', 'e3', 'e1', 'e2', 'e3'], position: 3 });
  });

  it('a filter publishes some events but moves the checkpoint past all', () => {
    const r = relayFromLog(logWith(4), 0, [] as string[], publishTo(), { filter: (e) => e.streamId === 'ride-1' });
    expect(r).toMatchObject({ broker: ['e1', 'e3'], position: 4 });
  });
});
