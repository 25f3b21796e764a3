import { useRun, useRunChrome } from '../state/react';
import { IconDisk, IconWarn } from './icons';

/**
 * Where the run is kept, and anything the learner must know about it (a damaged run can be started
 * again). The counts are the current step's: the events in the world on screen, and whether they are
 * stored; a run that went further before keeps its later events stored too, and says so.
 */
export function StorageStatus() {
  const storage = useRun((s) => s.storage);
  const current = useRun((s) => s.world.log.events.length);
  const step = useRun((s) => s.step);
  const furthest = useRun((s) => s.furthestStep);
  const chrome = useRunChrome();
  const events = (n: number) => `${n} event${n === 1 ? '' : 's'}`;
  const text =
    storage.mode === 'loading'
      ? 'Opening the saved run…'
      : storage.mode === 'memory'
        ? `${events(current)} at this step, in memory only`
        : `${events(current)} at this step${storage.storedCount >= current ? ', stored in this browser (IndexedDB)' : `; ${storage.storedCount} stored so far in this browser (IndexedDB)`}${furthest > step && storage.storedCount > current ? `. The run went on to step ${furthest}: its ${events(storage.storedCount)} are kept` : ''}`;
  return (
    <div className="storage" data-testid="storage-status">
      <p className="storage-line">
        {storage.mode === 'indexeddb' ? <IconDisk /> : <IconWarn />} {text}
      </p>
      {storage.notice && <p className="notice">{storage.notice}</p>}
      {storage.error && (
        <p className="error" role="alert">
          {storage.error}
        </p>
      )}
      {storage.damaged && (
        <button type="button" onClick={() => chrome.restartRun()}>
          Start this run again
        </button>
      )}
    </div>
  );
}
