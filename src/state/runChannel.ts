/**
 * The live notice between tabs of one run: a BroadcastChannel per run (`event-lab-run-<runId>`).
 * A message only says "this run changed" (or "was started again"); the receiver re-reads the run
 * record from IndexedDB, the source of truth, so nothing in a message is trusted.
 */

export type RunChangeKind = 'changed' | 'restarted';

export interface RunChannel {
  /** Tells the other tabs of this run that the stored run changed. */
  announce(kind: RunChangeKind): void;
  /** Calls `listener` for every notice from another tab; returns the unsubscribe. */
  listen(listener: (kind: RunChangeKind) => void): () => void;
  close(): void;
}

interface Message {
  v: 1;
  runId: string;
  sender: string;
  kind: RunChangeKind;
}

const isMessage = (m: unknown, runId: string): m is Message => {
  if (!m || typeof m !== 'object') return false;
  const x = m as Partial<Message>;
  return (
    x.v === 1 && x.runId === runId && typeof x.sender === 'string' && (x.kind === 'changed' || x.kind === 'restarted')
  );
};

let tabs = 0;

/**
 * Opens the channel of a run; where BroadcastChannel is missing, a channel that tells nobody (each
 * tab then sees the other's changes when it reloads: the stored record is merged either way).
 */
export function openRunChannel(runId: string): RunChannel {
  const listeners = new Set<(kind: RunChangeKind) => void>();
  if (typeof BroadcastChannel !== 'function') {
    return { announce: () => undefined, listen: () => () => undefined, close: () => undefined };
  }
  // Unique among this page's channels; a BroadcastChannel never delivers to itself anyway.
  const sender = `${++tabs}-${Math.random().toString(36).slice(2)}`;
  const channel = new BroadcastChannel(`event-lab-run-${runId}`);
  channel.onmessage = (e: MessageEvent) => {
    if (!isMessage(e.data, runId) || e.data.sender === sender) return;
    for (const l of [...listeners]) l(e.data.kind);
  };
  let closed = false;
  return {
    announce(kind) {
      if (closed) return;
      const message: Message = { v: 1, runId, sender, kind };
      try {
        channel.postMessage(message);
      } catch {
        /* a closing page: the other tabs see the change when they next read the run */
      }
    },
    listen(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      closed = true;
      listeners.clear();
      channel.close();
    },
  };
}
