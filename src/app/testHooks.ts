/**
 * Test hooks (e2e builds only): what end-to-end tests wait on, so no test sleeps.
 *   window.__eventLab.ready         true once the app has rendered its first route
 *   window.__eventLab.settled()     resolves when the current run has no pending move or write
 *   window.__eventLab.state()       the current run's step, last step, mode and stored count
 *   window.__eventLab.worldDump()   the whole world at the current step (with its effects and
 *                                   narration) as canonical JSON: object keys sorted, so two dumps
 *                                   of equal worlds are equal strings
 */
import type { OpenRun } from './openRun';

export interface EventLabTestHooks {
  ready: boolean;
  settled(): Promise<void>;
  state(): {
    step: number;
    lastStep: number;
    mode: string;
    storedCount: number;
    events: number;
    scenarioId: string;
  } | null;
  worldDump(): string | null;
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
    worldDump: () => {
      if (!current) return null;
      const { step, world, effects, narration } = current.session.store.getState();
      return canonicalJson({ step, world, effects, narration });
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

/**
 * JSON with object keys in sorted order at every depth (arrays keep their order), so equal values
 * give equal strings whatever order their keys were created in. Maps become sorted entry lists and
 * Sets sorted lists; numbers JSON cannot hold (NaN, ±Infinity) and `undefined` in arrays are spelt
 * out rather than silently turned into null. A cycle is an error (the world is a tree).
 */
export function canonicalJson(value: unknown): string {
  const onPath = new Set<object>();
  const norm = (v: unknown): unknown => {
    if (v === undefined) return { $undefined: true };
    if (typeof v === 'number') return Number.isFinite(v) ? v : { $number: String(v) };
    if (typeof v === 'bigint') return { $bigint: v.toString() };
    if (v === null || typeof v !== 'object')
      return typeof v === 'function' || typeof v === 'symbol' ? { $unserialisable: typeof v } : v;
    if (onPath.has(v)) throw new Error('canonicalJson: the value has a cycle');
    onPath.add(v);
    let out: unknown;
    if (Array.isArray(v)) out = v.map(norm);
    else if (v instanceof Map) out = { $map: [...v.entries()].map(([k, x]) => [norm(k), norm(x)]).sort(byJson) };
    else if (v instanceof Set) out = { $set: [...v].map(norm).sort(byJson) };
    else {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) o[k] = norm(x);
      }
      out = o;
    }
    onPath.delete(v);
    return out;
  };
  return JSON.stringify(norm(value));
}

const byJson = (a: unknown, b: unknown): number => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};
