/** Errors a learner can meet when the browser's storage misbehaves, worded for them. */

/** The browser refused to store more (QuotaExceededError): the transaction aborted whole. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(
      'Browser storage is full: the event was not stored. Events stored earlier are kept. ' +
        'Free some space (delete old runs) and try again.',
      options,
    );
  }
}

/** IndexedDB is missing or refuses to open (private mode, disabled storage, a broken profile). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super('IndexedDB is unavailable in this browser: the run will play in memory and nothing will be kept after you close the tab.', options);
  }
}

/** Another tab opened a newer version of the database: this tab's connection was closed. */
export class DatabaseUpgradedElsewhereError extends Error {
  override readonly name = 'DatabaseUpgradedElsewhereError';
  constructor(dbName: string, options?: { cause?: unknown }) {
    super(`Another tab upgraded the database '${dbName}' to a newer version; this tab has closed its copy. Reload this tab.`, options);
  }
}

/** The database was closed (by `close()` or by the browser) and cannot be used any more. */
export class DatabaseClosedError extends Error {
  override readonly name = 'DatabaseClosedError';
  constructor(dbName: string) {
    super(`The database '${dbName}' is closed.`);
  }
}

const nameOf = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'name' in e && typeof (e as { name: unknown }).name === 'string' ? (e as { name: string }).name : undefined;

/** Maps a failed or aborted transaction to the error a user can understand. */
export function translateTxError(err: unknown, txError?: unknown): unknown {
  const names = [nameOf(txError), nameOf(err)];
  if (names.includes('QuotaExceededError')) return new StorageFullError({ cause: txError ?? err });
  return txError instanceof Error ? txError : err;
}
