/**
 * The relay of the transactional-outbox pattern: the store is the outbox. It publishes stored
 * events in store order through a broker-agnostic `publish` function and keeps its own checkpoint,
 * advanced only after a publish succeeded. A crash between publishing and saving the checkpoint
 * therefore loses nothing and publishes that event again after a restart (at-least-once): consumers
 * dedupe by event id.
 *
 * A broker that refuses an event (it throws, or answers `{ refused }`) stops the pump AT that event:
 * the checkpoint stays on the event before it, the result says why, and the next pump tries the same
 * event again. The relay never moves past an event it could not publish — skipping it would lose it
 * (the one thing the outbox promises not to do). Kafka's producer reports such refusals as errors
 * of the send future (e.g. InvalidRecordException for a keyless record on a compacted topic).
 */
import type { EventStore, RecordedEvent, StoreEffect } from '../types';
import type { CheckpointStore } from './ports';
import { noUpcasters, type UpcasterChain } from './upcasters';

/** Where the broker put the event, when it says (for the `event-relayed` effect). */
export interface PublishReceipt {
  topic: string;
  partition: number;
  offset: number;
}

/** The broker's refusal, when it says so instead of throwing. */
export interface PublishRefusal {
  refused: string;
}

export interface RelayOptions {
  store: EventStore;
  checkpoints: CheckpointStore;
  /** Broker-agnostic: publish one event; a throw stops the relay before its checkpoint moves. */
  publish(
    event: RecordedEvent,
  ): void | PublishReceipt | PublishRefusal | Promise<void | PublishReceipt | PublishRefusal>;
  /** The checkpoint's name (default `relay`). */
  name?: string;
  upcasters?: UpcasterChain;
  /** Only events for which this holds are published (the checkpoint still moves past the rest). */
  filter?(event: RecordedEvent): boolean;
}

export interface RelayPumpResult {
  published: RecordedEvent[];
  effects: StoreEffect[];
  /** The publish error that stopped this pump, if any (the event was not checkpointed). */
  error: unknown;
  /** Where and why the pump stopped (null: it published everything it read). */
  stopped: { position: number; eventId: string; reason: string } | null;
}

export interface Relay {
  readonly name: string;
  /** The last global position published and checkpointed (after `start` or a pump). */
  readonly position: number;
  start(): Promise<void>;
  /** Publishes up to `maxCount` events after the checkpoint, saving the checkpoint after each. */
  pump(maxCount?: number): Promise<RelayPumpResult>;
}

export function createRelay(options: RelayOptions): Relay {
  const name = options.name ?? 'relay';
  const upcasters = options.upcasters ?? noUpcasters;
  let position = 0;
  let started = false;
  let running: Promise<RelayPumpResult> | null = null;

  const start = async () => {
    position = (await options.checkpoints.load(name))?.position ?? 0;
    started = true;
  };

  const pumpOnce = async (maxCount: number): Promise<RelayPumpResult> => {
    if (!started) await start();
    const events = await options.store.readAll({ fromPosition: position + 1, maxCount });
    const published: RecordedEvent[] = [];
    const effects: StoreEffect[] = [];
    for (const stored of events) {
      if (!options.filter || options.filter(stored)) {
        const event = upcasters.upcast(stored);
        let receipt: void | PublishReceipt | PublishRefusal;
        const stop = (error: unknown, why: string): RelayPumpResult => ({
          published,
          effects,
          error,
          stopped: {
            position: stored.position,
            eventId: stored.eventId,
            reason: `the relay stopped at position ${stored.position} (${stored.eventType}): ${why}; its checkpoint stays at ${position}, so the next pump tries this event again`,
          },
        });
        try {
          receipt = await options.publish(event);
        } catch (error) {
          return stop(error, `publishing failed (${error instanceof Error ? error.message : String(error)})`);
        }
        if (receipt && 'refused' in receipt)
          return stop(new Error(receipt.refused), `the broker refused it (${receipt.refused})`);
        published.push(event);
        if (receipt)
          effects.push({
            kind: 'event-relayed',
            eventId: event.eventId,
            position: event.position,
            topic: receipt.topic,
            partition: receipt.partition,
            offset: receipt.offset,
            reason: `the relay read position ${event.position} from the store (the outbox) and published it to ${receipt.topic}-${receipt.partition}@${receipt.offset}; the event was stored first, so a crash here publishes it again rather than losing it`,
          });
      }
      await options.checkpoints.save([{ name, version: 1, position: stored.position, state: null }]);
      position = stored.position;
    }
    return { published, effects, error: null, stopped: null };
  };

  return {
    name,
    get position() {
      return position;
    },
    start,
    pump(maxCount = 1000) {
      // One pump at a time: a second call waits for the first, so order is kept.
      const prev = running ?? Promise.resolve(null);
      const next = prev.then(() => pumpOnce(maxCount));
      running = next.catch(() => ({ published: [], effects: [], error: null, stopped: null }));
      return next;
    },
  };
}
