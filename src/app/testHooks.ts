/**
 * Test hooks (e2e builds only): what end-to-end tests wait on, so no test sleeps.
 *   window.__eventLab.ready         true once the app has rendered its first route
 *   window.__eventLab.settled()     resolves when the current run has no pending move or write
 *   window.__eventLab.state()       the current run's step, last step, mode and stored count
 */
import type { OpenRun } from './openRun';

export interface EventLabTestHooks {
  ready: boolean;
  settled(): Promise<void>;
  state(): { step: number; lastStep: number; mode: string; storedCount: number; events: number; scenarioId: string } | null;
  [key: string]: unknown;
}

declare global {
  interface Window {
    __eventLab?: EventLabTestHooks;
  }
}

export const testHooksEnabled = import.meta.env.MODE === 'e2e';

let current: OpenRun | null = null;
let routeReady = false;
let harnessReady = false;

export function setCurrentRun(run: OpenRun | null) {
  current = run;
}

export function installTestHooks() {
  if (!testHooksEnabled) return;
  const hooks: EventLabTestHooks = {
    get ready() {
      return routeReady && harnessReady;
    },
    settled: async () => {
      const run = current;
      if (!run) return;
      // Wait until the machine is at rest (not stepping/playing a step) and every write landed.
      for (;;) {
        const snap = run.playback.getSnapshot();
        if (!snap.matches('stepping') && !snap.matches({ playing: 'advancing' })) break;
        await new Promise<void>((resolve) => {
          const sub = run.playback.subscribe(() => {
            sub.unsubscribe();
            resolve();
          });
        });
      }
      await run.session.settled();
    },
    state: () => {
      if (!current) return null;
      const s = current.session.store.getState();
      const snap = current.playback.getSnapshot();
      return {
        step: s.step,
        lastStep: s.lastStep,
        mode: typeof snap.value === 'string' ? snap.value : 'playing',
        storedCount: s.storage.storedCount,
        events: s.world.log.events.length,
        scenarioId: s.scenario.id,
      };
    },
  };
  window.__eventLab = hooks;
  // Loaded only in e2e builds, so the production bundle does not carry the storage harness.
  void import('./devtools/eventStoreHarness').then((m) => {
    m.installEventStoreHarness(hooks);
    harnessReady = true;
  });
}

export function markReady() {
  routeReady = true;
}
