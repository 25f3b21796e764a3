import { useMemo } from 'react';
import { useRun, useRunChrome } from '../state/react';
import { countDirectRecords } from '../viz/layout/cloudEvent';
import { IconDisk, IconWarn } from './icons';

/**
 * Where the run is kept, and anything the learner must know about it (a damaged run can be started
 * again). The counts are the current step's: the events in the world on screen, and whether they are
 * stored; a run that went further before keeps its later events stored too, and says so. Records a
 * producer wrote straight to a topic are in no event store: nothing of them is saved, they are
 * recomputed from the run (its steps and answers), and the line says so.
 */
export function StorageStatus() {
  const storage = useRun((s) => s.storage);
  const log = useRun((s) => s.world.log.events);
  const broker = useRun((s) => s.world.broker);
  const current = log.length;
  const direct = useMemo(() => countDirectRecords(broker, new Set(log.map((e) => e.eventId))), [broker, log]);
  const step = useRun((s) => s.step);
  const furthest = useRun((s) => s.furthestStep);
  const chrome = useRunChrome();
  const events = (n: number) => `${n} event${n === 1 ? '' : 's'}`;
  const records = `${direct} record${direct === 1 ? '' : 's'} written straight to topics at this step`;
  const where = storage.mode === 'memory' ? 'in memory only' : 'saved in this browser (IndexedDB)';
  /** A direct producer's records: in the simulated broker only, never stored. */
  const recordsText = `${records}: nothing of them is stored; they live in the simulated broker and are recomputed from your run (its steps and answers are ${where})`;
  const eventsText =
    storage.mode === 'memory'
      ? `${events(current)} at this step, in memory only`
      : `${events(current)} at this step${storage.storedCount >= current ? ', stored in this browser (IndexedDB)' : `; ${storage.storedCount} stored so far in this browser (IndexedDB)`}${furthest > step && storage.storedCount > current ? `. The run went on to step ${furthest}: its ${events(storage.storedCount)} are kept` : ''}`;
  const text =
    storage.mode === 'loading'
      ? 'Opening the saved run…'
      : direct === 0
        ? eventsText
        : current === 0 && storage.storedCount === 0
          ? recordsText
          : `${eventsText}. ${recordsText.charAt(0).toUpperCase()}${recordsText.slice(1)}`;
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
