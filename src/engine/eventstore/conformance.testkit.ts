/**
 * The event store conformance suite (issue 4): every rule of the port, run against each
 * implementation from a test beside it. Every case that must not write also asserts that nothing
 * changed: the whole log, each stream's last revision, the global head. Test support (imports
 * vitest): never imported by shipped code.
 */
import { describe } from 'vitest';
import type { EventStore } from '../types';
import { appendCases } from './conformanceAppends.testkit';
import { evs, type ConformanceContext } from './conformanceKit.testkit';
import { readCases } from './conformanceReads.testkit';

export type EventStoreFactory = (options: { clock: () => number }) => Promise<EventStore> | EventStore;

export function runEventStoreConformance(name: string, factory: EventStoreFactory): void {
  let readings = 0;
  const ctx: ConformanceContext = {
    async setup() {
      readings = 0;
      return factory({ clock: () => 1000 + ++readings });
    },
    async seeded() {
      const store = await ctx.setup();
      await store.appendToStream('s', evs('e1', 'e2', 'e3'));
      await store.appendToStream('o', evs('o1'));
      return store;
    },
    readings: () => readings,
  };
  describe(`EventStore conformance: ${name}`, () => {
    appendCases(ctx);
    readCases(ctx);
  });
}
