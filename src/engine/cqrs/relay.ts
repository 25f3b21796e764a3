/**
 * The relay of the transactional-outbox pattern: the store is the outbox. It publishes stored
 * events in store order through a broker-agnostic `publish` function and keeps its own checkpoint,
 * advanced only after a publish succeeded. A crash between publishing and saving the checkpoint
 * therefore loses nothing and publishes that event again after a restart (at-least-once): consumers
 * dedupe by event id.
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

export interface RelayOptions {
  store: EventStore;
  checkpoints: CheckpointStore;
  /** Broker-agnostic: publish one event; a throw stops the relay before its checkpoint moves. */
  publish(event: RecordedEvent): void | PublishReceipt | Promise<void | PublishReceipt>;
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
        let receipt: void | PublishReceipt;
        try {
          receipt = await options.publish(event);
        } catch (error) {
          return { published, effects, error };
        }
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
    return { published, effects, error: null };
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
      running = next.catch(() => ({ published: [], effects: [], error: null }));
      return next;
    },
  };
}
