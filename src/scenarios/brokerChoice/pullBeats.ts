/**
 * The beats every pull-based profile (NATS JetStream, Pub/Sub pull, SQS) plays the same way — only the verb
 * for "ask the broker for messages" differs (fetch, pull, receive). Set-up, the poison message and the
 * replay are each broker's own idiom and stay in its adapter.
 */
import { BATCH, CRASH_RESTART_MS, SERVICES, SLOW_DONE_MS, SLOW_REPOLL_MS, type BeatId, type Service } from './story';
import type { Delivery } from './types';

/** What a pull-based adapter's run offers the shared beats. */
export interface PullRun<M> {
  /** Asks for up to `max` messages for the service (fetch / pull / receive), without settling them. */
  take(service: Service, now: number, max?: number): M[];
  /** Settles what was taken (ack / delete) and records it as handled. */
  finish(service: Service, got: readonly M[], now: number): void;
  /** Records a message's outcome without settling it. */
  record(service: Service, m: M, outcome: Delivery['outcome']): void;
  /** Takes and settles until nothing is left (or `limit` messages). */
  drain(service: Service, now: number, limit?: number): void;
}

/** Times a service asks for messages in one go before it stops (each ask takes at most BATCH). */
export const ASKS_PER_DRAIN = 4;

/** Take and handle until an ask comes back empty, `limit` messages were handled, or the asks run out. */
export function drainPull<M>(run: PullRun<M>, service: Service, now: number, limit = Infinity): void {
  let handled = 0;
  for (let i = 0; i < ASKS_PER_DRAIN && handled < limit; i++) {
    const got = run.take(service, now, Math.min(BATCH, limit - handled));
    if (got.length === 0) break;
    run.finish(service, got, now);
    handled += got.length;
  }
}

/** Plays a shared beat and says so; false for the beats each adapter plays itself. */
export function playPullBeat<M>(run: PullRun<M>, beat: BeatId, t: number): boolean {
  switch (beat) {
    case 'orders':
    case 'drain':
      for (const x of SERVICES) run.drain(x, t);
      return true;
    case 'spike':
      for (const x of SERVICES) run.drain(x, t, BATCH);
      return true;
    case 'slow': {
      run.drain('billing', t);
      run.drain('shipping', t);
      // Analytics takes one message, asks for more while still busy with it, and finishes both later.
      const first = run.take('analytics', t, 1);
      const more = run.take('analytics', t + SLOW_REPOLL_MS);
      run.finish('analytics', first, t + SLOW_DONE_MS);
      run.finish('analytics', more, t + SLOW_DONE_MS);
      return true;
    }
    case 'crash':
      run.drain('billing', t);
      run.drain('analytics', t);
      // Shipping crashes holding what it took: nothing is settled, so the broker delivers it again.
      for (const m of run.take('shipping', t)) run.record('shipping', m, 'crashed');
      run.drain('shipping', t + CRASH_RESTART_MS);
      return true;
    default:
      return false;
  }
}
