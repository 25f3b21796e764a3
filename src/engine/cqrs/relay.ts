/**
 * The relay of the transactional-outbox pattern, purely: the event log is the outbox. The relay
 * publishes the events after its checkpoint in log order through a broker-agnostic `publish`
 * (`(broker, event) → {broker, effects}`), and its checkpoint moves past an event only once it was
 * published. A broker that refuses an event stops the relay AT that event: the checkpoint stays on
 * the event before it and the next run tries the same event again. The relay never moves past an
 * event it could not publish — skipping it would lose it (the one thing the outbox promises not to
 * do). A crash between publishing and saving the checkpoint loses nothing and publishes those
 * events again after a restart (at-least-once): consumers dedupe by event id.
 */
import { eventsAfter, type EventLog } from '../eventstore/log';
import type { Effect, RecordedEvent } from '../types';

export interface Published<B> {
  broker: B;
  effects: Effect[];
  /** The broker refused the event: the relay stops here, its checkpoint before this event. */
  stopped?: boolean;
}

export interface RelayOptions {
  /** Publish at most this many of the events after the checkpoint (0 or absent: all). */
  maxEvents?: number;
  /** Only events for which this holds are published (the checkpoint still moves past the rest). */
  filter?(event: RecordedEvent): boolean;
  /** The relay crashes after publishing, before saving its checkpoint (a lesson's fault). */
  crashBeforeCheckpoint?: boolean;
}

export interface RelayRun<B> {
  broker: B;
  /** The relay's checkpoint after the run: the last global position published. */
  position: number;
  effects: Effect[];
}

export function relayFromLog<B>(
  log: EventLog,
  checkpoint: number,
  broker: B,
  /** Publishes one stored event; `position` is the relay's checkpoint at that moment. */
  publish: (broker: B, event: RecordedEvent, position: number) => Published<B>,
  options: RelayOptions = {},
): RelayRun<B> {
  const effects: Effect[] = [];
  let b = broker;
  let position = checkpoint;
  const after = eventsAfter(log, position);
  const pending = options.maxEvents ? after.slice(0, options.maxEvents) : after;
  for (const e of pending) {
    if (options.filter && !options.filter(e)) {
      position = e.position;
      continue;
    }
    const r = publish(b, e, position);
    b = r.broker;
    effects.push(...r.effects);
    if (r.stopped) break;
    position = e.position;
  }
  if (!options.crashBeforeCheckpoint) return { broker: b, position, effects };
  if (pending.length)
    effects.push({
      kind: 'fault-injected',
      fault: 'relay-crash',
      target: 'relay',
      reason: `the relay crashed after publishing but before saving its checkpoint (still ${checkpoint}): on restart it publishes those events again — at-least-once, so consumers must be idempotent`,
    });
  return { broker: b, position: checkpoint, effects };
}
