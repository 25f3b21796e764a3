/**
 * Whether a new version of the app is waiting, and how to switch to it: a tiny external store the
 * registration (register.ts, production builds only) writes and the notice (UpdateNotice.tsx) reads.
 * Kept apart from the registration so the notice costs the first screen almost nothing.
 */
export interface UpdateState {
  /** A new service worker is installed and waiting for this page to let it take over. */
  readonly needRefresh: boolean;
  /** Activates the waiting worker; every page it then controls reloads into the new version. */
  readonly applyUpdate: (() => Promise<void>) | null;
}

let state: UpdateState = { needRefresh: false, applyUpdate: null };
const listeners = new Set<() => void>();

export const updateState = {
  get: (): UpdateState => state,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  set(next: Partial<UpdateState>): void {
    state = { ...state, ...next };
    for (const l of listeners) l();
  },
};
