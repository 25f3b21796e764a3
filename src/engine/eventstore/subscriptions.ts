/**
 * Catch-up subscriptions to the whole store, shared by both implementations: each subscription
 * reads history from its position, then switches to live events, with no gap and no duplicate at
 * the switch (every subscription tracks the next position it expects, and only ever delivers that
 * one). The store calls `publish` with every newly committed event, in order, before the append's
 * promise resolves; `whenDelivered` lets it wait for subscriptions that are still catching up.
 */
import type { RecordedEvent } from '../types';

export type ReadPage = (fromPosition: number, maxCount: number) => RecordedEvent[] | Promise<RecordedEvent[]>;

const PAGE = 512;

interface Subscription {
  next: number;
  live: boolean;
  catching: boolean;
  dirty: boolean;
  closed: boolean;
  handler: (event: RecordedEvent) => void;
  waiters: { position: number; resolve: () => void }[];
}

/** A handler that throws must not break the store or other subscribers: report it asynchronously. */
const report = (err: unknown) => {
  void Promise.reject(err);
};

export class SubscriptionHub {
  private readonly subs = new Set<Subscription>();

  constructor(private readonly readPage: ReadPage) {}

  subscribe(afterPosition: number | undefined, handler: (event: RecordedEvent) => void): { unsubscribe(): void } {
    const after = afterPosition ?? 0;
    if (!Number.isInteger(after) || after < 0)
      throw new RangeError(`afterPosition must be an integer ≥ 0; got ${String(after)}`);
    const sub: Subscription = {
      next: after + 1,
      live: false,
      catching: false,
      dirty: false,
      closed: false,
      handler,
      waiters: [],
    };
    this.subs.add(sub);
    // History starts on the next microtask so that `subscribeToAll` returns before any handler runs.
    void Promise.resolve().then(() => this.catchUp(sub));
    return {
      unsubscribe: () => {
        sub.closed = true;
        this.subs.delete(sub);
        this.release(sub, Infinity);
      },
    };
  }

  /** New committed events, contiguous and in position order. */
  publish(events: readonly RecordedEvent[]): void {
    if (events.length === 0) return;
    for (const sub of [...this.subs]) {
      if (sub.closed) continue;
      if (!sub.live) {
        sub.dirty = true;
        if (!sub.catching) this.catchUp(sub);
        continue;
      }
      for (const e of events) {
        if (sub.closed) break;
        if (e.position < sub.next) continue;
        if (e.position > sub.next) {
          // Events we have not seen (another tab wrote them): read them before going on.
          sub.live = false;
          this.catchUp(sub);
          break;
        }
        this.deliver(sub, e);
      }
      this.release(sub, sub.next - 1);
    }
  }

  /** Resolves once every open subscription has been handed every event up to `position`. */
  whenDelivered(position: number): Promise<void> | null {
    const pending = [...this.subs].filter((s) => !s.closed && s.next <= position);
    if (pending.length === 0) return null;
    return Promise.all(pending.map((s) => new Promise<void>((resolve) => s.waiters.push({ position, resolve })))).then(
      () => undefined,
    );
  }

  get size(): number {
    return this.subs.size;
  }

  private deliver(sub: Subscription, e: RecordedEvent): void {
    sub.next = e.position + 1;
    try {
      sub.handler(e);
    } catch (err) {
      report(err);
    }
  }

  private release(sub: Subscription, deliveredThrough: number): void {
    if (sub.waiters.length === 0) return;
    const keep = [];
    for (const w of sub.waiters) {
      if (w.position <= deliveredThrough) w.resolve();
      else keep.push(w);
    }
    sub.waiters = keep;
  }

  /** Reads pages from `next` until the end; synchronous when the store reads synchronously. */
  private catchUp(sub: Subscription): void | Promise<void> {
    if (sub.closed || sub.live || sub.catching) return;
    sub.catching = true;
    const loop = (): void | Promise<void> => {
      for (;;) {
        if (sub.closed) return;
        sub.dirty = false;
        const page = this.readPage(sub.next, PAGE);
        if (Array.isArray(page)) {
          if (this.takePage(sub, page)) return;
          continue;
        }
        return page.then(
          (p) => (this.takePage(sub, p) ? undefined : loop()),
          (err: unknown) => {
            sub.catching = false;
            sub.closed = true;
            this.subs.delete(sub);
            this.release(sub, Infinity);
            report(err);
          },
        );
      }
    };
    return loop();
  }

  /** Delivers a page; returns true when the subscription is now live (caught up). */
  private takePage(sub: Subscription, page: RecordedEvent[]): boolean {
    for (const e of page) {
      if (sub.closed) return true;
      if (e.position === sub.next) this.deliver(sub, e);
    }
    this.release(sub, sub.next - 1);
    if (sub.closed) return true;
    if (page.length < PAGE && !sub.dirty) {
      sub.live = true;
      sub.catching = false;
      return true;
    }
    return false;
  }
}
