import { useRun } from '../state/react';
import { restartRun, type SessionStorageStatus } from '../state/runSession';
import { IconDisk, IconWarn } from './icons';

/** Where the run is kept, and anything the learner must know about it (a damaged run can be started again). */
export function StorageStatus() {
  const storage = useRun((s) => s.storage) as SessionStorageStatus;
  const runId = useRun((s) => s.runId);
  const total = useRun((s) => s.world.log.events.length);
  const text =
    storage.mode === 'loading'
      ? 'Opening the saved run…'
      : storage.mode === 'memory'
        ? `${total} event${total === 1 ? '' : 's'} in memory only`
        : `${storage.storedCount} event${storage.storedCount === 1 ? '' : 's'} stored in this browser (IndexedDB)`;
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
        <button type="button" onClick={() => restartRun(runId)}>
          Start this run again
        </button>
      )}
    </div>
  );
}
