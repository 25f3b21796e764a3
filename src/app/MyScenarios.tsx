import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SavedScenario } from '../persistence';
import type { DamagedEntry } from '../persistence/catalog';
import { STORE_WORDS } from '../persistence/catalogRecords';
import { describeFailure, sentences, storageReason } from '../persistence/errors';
import { formatRoute } from '../state/route';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { listStartPage, removeDamagedEntry, removeSavedScenario, restoreSavedScenario } from './savedList';

const MAX_IMPORT_BYTES = 2_000_000;

/** "My scenarios" on the start page: forks and imports, renamable, deletable with undo, importable; back up and restore everything. */
export function MyScenarios() {
  const [list, setList] = useState<{ scenarios: SavedScenario[]; damaged: DamagedEntry[] } | null>(null);
  /** Why the saved scenarios cannot be read (storage missing, refused, upgraded elsewhere…), in the learner's words. */
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [deleted, setDeleted] = useState<SavedScenario | null>(null);
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const backupRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const refresh = useCallback(
    () =>
      listStartPage().then(
        (l) => {
          setUnreadable(null);
          setList(l);
        },
        (err: unknown) => {
          setList(null);
          setUnreadable(
            sentences(
              `Your saved scenarios cannot be shown because ${storageReason(err)}`,
              'The guided scenarios above still play, in memory only: nothing is kept after you close the tab',
              'Saving, importing, backing up and restoring need the browser’s storage',
            ),
          );
        },
      ),
    [],
  );
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const importText = async (name: string, size: number, read: () => Promise<string>) => {
    if (size > MAX_IMPORT_BYTES)
      return setMessage({
        text: sentences(
          `“${name}” is ${(size / 1e6).toFixed(1)} MB; scenario files may be at most 2 MB`,
          'Nothing was changed',
        ),
        error: true,
      });
    const { importFile } = await import('./importFlow');
    const r = await importFile(await read());
    setMessage(
      r.ok
        ? {
            text: `Imported “${r.title}”${r.renamedFrom ? ` as ${r.id} (the id ${r.renamedFrom} was taken)` : ''}.`,
            error: false,
          }
        : { text: r.message, error: true },
    );
    await refresh();
  };
  const restoreText = async (name: string, size: number, read: () => Promise<string>) => {
    const { MAX_BACKUP_BYTES, restoreBackupText } = await import('./backupRestore');
    if (size > MAX_BACKUP_BYTES)
      return setMessage({
        text: sentences(
          `“${name}” is ${(size / 1e6).toFixed(1)} MB; a backup may be at most ${MAX_BACKUP_BYTES / 1e6} MB`,
          'Nothing was changed',
        ),
        error: true,
      });
    const r = await restoreBackupText(await read());
    setMessage({ text: r.message, error: !r.ok });
    await refresh();
  };
  const backUp = async () => {
    const { downloadBackup } = await import('./backupCollect');
    setMessage({ text: await downloadBackup(Date.now()), error: false });
  };
  /** A blank scenario of the learner's own, opened in the player with its design editor. */
  const startBlank = async () => {
    // Loaded on demand: the validator and the scenario library stay out of the start page's bundle.
    const [{ blankScenario }, { freshScenarioId, saveScenario }] = await Promise.all([
      import('../scenarios/blank'),
      import('./library'),
    ]);
    const scenarioId = await freshScenarioId('my-design');
    await saveScenario(blankScenario({ id: scenarioId, title: 'My design' }), null);
    window.location.hash = formatRoute({ page: 'scenario', scenarioId, step: 0 });
  };
  /** Runs one piece of work at a time; any failure is shown, never swallowed. */
  const run = (what: string, work: () => Promise<unknown>) => {
    setBusy(true);
    setMessage(null);
    work()
      .catch((err: unknown) => setMessage({ text: describeFailure(what, err), error: true }))
      .finally(() => setBusy(false));
  };
  /** A dropped or picked file: a backup (recognised by its header) is restored, anything else imported. */
  const onFiles = (files: FileList | null, as: 'import' | 'restore' | 'auto' = 'auto') => {
    const f = files?.[0];
    if (!f) return;
    run(as === 'restore' ? 'Restoring' : 'Importing', async () => {
      const head = as === 'restore' ? '' : await f.slice(0, 4096).text();
      const looksLikeBackup = /"kind"\s*:\s*"event-lab-backup"/.test(head);
      // A backup picked under Import, too large for a scenario: named for what it is, not by its size.
      if (as === 'import' && looksLikeBackup && f.size > MAX_IMPORT_BYTES)
        return setMessage({ text: (await import('./importFlow')).BACKUP_UNDER_IMPORT, error: true });
      const isBackup = as === 'restore' || (as === 'auto' && looksLikeBackup);
      return isBackup ? restoreText(f.name, f.size, () => f.text()) : importText(f.name, f.size, () => f.text());
    });
  };

  return (
    <section
      className={`my-scenarios${dragging ? ' is-dragging' : ''}`}
      aria-labelledby={`${id}-title`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        onFiles(e.dataTransfer.files);
      }}
    >
      <h2 id={`${id}-title`}>My scenarios</h2>
      <p className="hint">
        Start a blank design, fork any scenario from its player, or import a scenario file (drop it here).
      </p>
      <div className="my-actions">
        <button
          type="button"
          className="primary"
          onClick={() => run('Creating a blank scenario', startBlank)}
          disabled={busy || unreadable !== null}
        >
          New blank scenario
        </button>
        <button type="button" onClick={() => fileRef.current?.click()} disabled={busy || unreadable !== null}>
          Import
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label="Scenario file to import"
          tabIndex={-1}
          onChange={(e) => {
            onFiles(e.target.files, 'import');
            e.target.value = '';
          }}
        />
        <button type="button" onClick={() => run('Backing up', backUp)} disabled={busy || unreadable !== null}>
          Back up everything
        </button>
        <button type="button" onClick={() => backupRef.current?.click()} disabled={busy || unreadable !== null}>
          Restore backup
        </button>
        <input
          ref={backupRef}
          type="file"
          accept=".json,application/json"
          className="visually-hidden"
          aria-label="Backup file to restore"
          tabIndex={-1}
          onChange={(e) => {
            onFiles(e.target.files, 'restore');
            e.target.value = '';
          }}
        />
      </div>
      <p className="hint">
        A backup is one file with all your scenarios and how far you got in every scenario. Restoring it adds what is
        missing; a scenario or progress already here is replaced only by a newer copy from the backup.
      </p>
      {message && (
        <p className={message.error ? 'error' : 'notice'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
      {deleted && (
        <p role="status" className="notice">
          Deleted “{deleted.title}”.{' '}
          <button
            type="button"
            className="link-button"
            onClick={() =>
              void restoreSavedScenario(deleted)
                .then(() => {
                  setDeleted(null);
                  return refresh();
                })
                .catch((err: unknown) =>
                  setMessage({
                    text: describeFailure(`Undoing the deletion of “${deleted.title}”`, err, null),
                    error: true,
                  }),
                )
            }
          >
            Undo
          </button>
        </p>
      )}
      {unreadable && (
        <p className="error" role="alert">
          {unreadable}
        </p>
      )}
      <ErrorBoundary part="your saved scenarios" home={false}>
        {list && list.scenarios.length === 0 && list.damaged.length === 0 && <p className="empty">Nothing yet.</p>}
        {list && list.scenarios.length > 0 && (
          <ul className="cards">
            {list.scenarios.map((s) => (
              <SavedCard
                key={s.scenarioId}
                s={s}
                onChanged={refresh}
                onDeleted={(d) => setDeleted(d)}
                onError={(text) => setMessage({ text, error: true })}
              />
            ))}
          </ul>
        )}
        {list && list.damaged.length > 0 && (
          <DamagedList
            entries={list.damaged}
            onChanged={refresh}
            onMessage={(text, error) => setMessage({ text, error })}
          />
        )}
      </ErrorBoundary>
    </section>
  );
}

function SavedCard({
  s,
  onChanged,
  onDeleted,
  onError,
}: {
  s: SavedScenario;
  onChanged(): void;
  onDeleted(s: SavedScenario): void;
  onError(text: string): void;
}) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState(s.title);
  const id = useId();
  return (
    <li className="card">
      {editing ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void import('./importFlow')
              .then((m) => m.rename(s.scenarioId, title.trim()))
              .then((problem) => {
                if (problem) return onError(problem);
                setEditing(false);
                onChanged();
              })
              .catch((err: unknown) => onError(describeFailure(`Renaming “${s.title}”`, err)));
          }}
        >
          <label htmlFor={`${id}-t`}>New name</label>
          <input id={`${id}-t`} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
          <button type="submit" disabled={!title.trim()}>
            Save name
          </button>
        </form>
      ) : (
        <a href={formatRoute({ page: 'scenario', scenarioId: s.scenarioId, step: null })}>
          <h3>{s.title}</h3>
        </a>
      )}
      <p className="meta">
        {s.forkedFrom ? forkOrigin(s.document) : 'Created here or imported'} · {new Date(s.updatedAt).toLocaleString()}
      </p>
      <div className="my-actions">
        <button type="button" onClick={() => setEditing((x) => !x)} aria-label={`Rename ${s.title}`}>
          Rename
        </button>
        <button
          type="button"
          onClick={() =>
            void removeSavedScenario(s.scenarioId)
              .then((d) => {
                if (d) onDeleted(d);
                onChanged();
              })
              .catch((err: unknown) => onError(describeFailure(`Deleting “${s.title}”`, err)))
          }
          aria-label={`Delete ${s.title}`}
        >
          Delete
        </button>
      </div>
    </li>
  );
}

/** Catalog entries that fail their shape: said plainly, left as they are, removable (a saved scenario also repairable from its own document). */
function DamagedList({
  entries,
  onChanged,
  onMessage,
}: {
  entries: DamagedEntry[];
  onChanged(): void;
  onMessage(text: string, error: boolean): void;
}) {
  const id = useId();
  return (
    <section aria-labelledby={`${id}-damaged`} className="damaged">
      <h3 id={`${id}-damaged`}>Damaged entries</h3>
      <p className="hint">
        These entries in this browser’s storage are damaged (written by another version, or changed outside Event Lab).
        They are left as they are and not used; everything else works. Repair one from its own content where possible,
        or remove it.
      </p>
      <ul className="cards">
        {entries.map((d) => (
          <li key={`${d.store}/${d.label}`} className="card">
            <h4>
              A damaged {STORE_WORDS[d.store]}: “{d.label}”
            </h4>
            <p className="error">{sentences(`It cannot be used because ${d.problem}`)}</p>
            <div className="my-actions">
              {d.store === 'scenarios' && (
                <button
                  type="button"
                  aria-label={`Repair the damaged entry ${d.label}`}
                  onClick={() =>
                    void import('./library')
                      .then((m) => m.repairSaved(d.key))
                      .then((problem) => {
                        onMessage(problem ?? `Repaired “${d.label}” from its own scenario document.`, problem !== null);
                        onChanged();
                      })
                      .catch((err: unknown) => onMessage(describeFailure(`Repairing “${d.label}”`, err), true))
                  }
                >
                  Repair
                </button>
              )}
              <button
                type="button"
                aria-label={`Remove the damaged entry ${d.label}`}
                onClick={() =>
                  void removeDamagedEntry(d.store, d.key)
                    .then(() => {
                      onMessage(`Removed the damaged entry “${d.label}”.`, false);
                      onChanged();
                    })
                    .catch((err: unknown) => onMessage(describeFailure(`Removing “${d.label}”`, err), true))
                }
              >
                Remove this damaged entry
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * A fork's card: that it was forked, and how many steps it holds, read from its document — true of a
 * whole-scenario fork, an up-to-here fork, one edited since and one saved by an earlier version alike
 * (never "at step N", which read as "stops at step N" for a fork that goes on).
 */
function forkOrigin(document: unknown): string {
  const steps = document && typeof document === 'object' ? (document as { steps?: unknown }).steps : undefined;
  if (!Array.isArray(steps)) return 'Forked from a run';
  return `Forked from a run · ${steps.length} step${steps.length === 1 ? '' : 's'}`;
}
