/**
 * Errors a learner can meet when the browser's storage misbehaves, worded for them: each message
 * says what happened, what was kept and what to do. No message carries raw JavaScript error text.
 */

/**
 * Joins sentences with one space, each ending with exactly one full stop (or its own ? or !):
 * `sentences('Not restored — the tab closed.', 'Nothing was changed')` never gives "closed.. Nothing".
 */
export function sentences(...parts: (string | false | null | undefined)[]): string {
  return (
    parts
      .filter((p): p is string => typeof p === 'string')
      .map((p) => p.trim().replace(/(^|[^.])\.\.$/, '$1.'))
      // A part with nothing to read (only punctuation) would only add a stray stop.
      .filter((p) => /[\p{L}\p{N}]/u.test(p))
      .map((p) => (/[.!?…]["”’)]?$/.test(p) ? p : `${p}.`))
      .join(' ')
  );
}

const FREE_SPACE =
  'Free some space (delete saved scenarios or branches you no longer need, or other sites’ data in the browser’s settings), then try again';

/** The browser refused to store more (QuotaExceededError): the transaction aborted whole. */
export class StorageFullError extends Error {
  override readonly name = 'StorageFullError';
  constructor(options?: { cause?: unknown }) {
    super(
      sentences('Browser storage is full: the event was not stored', 'Events stored earlier are kept', FREE_SPACE),
      options,
    );
  }
}

/** IndexedDB is missing or refuses to open (private mode, disabled storage, a broken profile). */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(options?: { cause?: unknown }) {
    super(
      'This browser does not let Event Lab use its storage (IndexedDB): the run plays in memory and nothing will be kept after you close the tab.',
      options,
    );
  }
}

/**
 * Another tab opened a newer version of the database, or this tab's code is older than the
 * database: this tab's copy is closed. Reloading does not help while the other tab is open (the
 * same old code may load again), so the advice is to continue in the newer tab.
 */
export class DatabaseUpgradedElsewhereError extends Error {
  override readonly name = 'DatabaseUpgradedElsewhereError';
  constructor(dbName: string, options?: { cause?: unknown; atOpen?: boolean }) {
    super(
      options?.atOpen
        ? sentences(
            `Your saved data ('${dbName}') was upgraded by a newer version of Event Lab`,
            'This tab runs an older version, so it plays in memory and keeps nothing',
            'Close every Event Lab tab, then open Event Lab again to get the newer version',
          )
        : sentences(
            `Another tab upgraded your saved data ('${dbName}') to a newer version of Event Lab, so this tab stopped saving`,
            'What you do here from now on is not kept',
            'Continue in the other tab, or close every Event Lab tab and open Event Lab again',
          ),
      options,
    );
  }
}

/** Another tab (or the learner, from the browser's settings) deleted the database this tab had open. */
export class DatabaseDeletedElsewhereError extends Error {
  override readonly name = 'DatabaseDeletedElsewhereError';
  constructor(dbName: string, options?: { cause?: unknown }) {
    super(
      sentences(
        `This tab's saved data ('${dbName}') was deleted in another tab (for example by a restore, a reset or clearing the site's data), so this tab stopped saving`,
        'What you do here from now on is not kept',
        'Reload this tab to open what is stored now',
      ),
      options,
    );
  }
}

/** The database was closed (by `close()`, or by the browser: its `close` event) and cannot be used any more. */
export class DatabaseClosedError extends Error {
  override readonly name = 'DatabaseClosedError';
  constructor(dbName: string, options?: { byBrowser?: boolean }) {
    super(
      options?.byBrowser
        ? sentences(
            `The browser closed this tab's storage ('${dbName}') — the site's data may have been cleared, or the disk failed — so this tab stopped saving`,
            'What you do here from now on is not kept',
            'Reload this tab to open what is stored now',
          )
        : `The database '${dbName}' is closed.`,
    );
  }
}

/** A stored record that does not have the shape it must have (a damaged or foreign entry). */
export class DamagedRecordError extends Error {
  override readonly name = 'DamagedRecordError';
  constructor(
    readonly store: string,
    readonly key: string,
    readonly problem: string,
  ) {
    super(
      sentences(
        `The stored entry “${key}” is damaged (${problem})`,
        'It is left as it is; you can remove it from the start page',
      ),
    );
  }
}

const nameOf = (e: unknown): string | undefined =>
  e && typeof e === 'object' && 'name' in e && typeof (e as { name: unknown }).name === 'string'
    ? (e as { name: string }).name
    : undefined;

/** Maps a failed or aborted transaction to the error a user can understand. */
export function translateTxError(err: unknown, txError?: unknown): unknown {
  const names = [nameOf(txError), nameOf(err)];
  if (names.includes('QuotaExceededError')) return new StorageFullError({ cause: txError ?? err });
  return txError instanceof Error ? txError : err;
}

/** What went wrong, as a clause for "… failed: <reason>", and what to do about it. */
function explain(err: unknown): { reason: string; advice: string } {
  const name = nameOf(err);
  switch (name) {
    case 'QuotaExceededError':
    case 'StorageFullError':
      return { reason: 'browser storage is full', advice: FREE_SPACE };
    case 'StorageUnavailableError':
      return {
        reason: 'this browser does not let Event Lab use its storage (IndexedDB)',
        advice: 'Guided scenarios still play, in memory only: nothing is kept after you close the tab',
      };
    case 'VersionError':
      return {
        reason: 'your saved data was upgraded by a newer version of Event Lab',
        advice: 'Close every Event Lab tab, then open Event Lab again to get the newer version',
      };
    case 'DatabaseUpgradedElsewhereError':
      return {
        reason: 'another tab upgraded your saved data to a newer version of Event Lab',
        advice: 'Close every Event Lab tab, then open Event Lab again to get the newer version',
      };
    case 'DatabaseDeletedElsewhereError':
      return {
        reason: 'this tab’s saved data was deleted in another tab',
        advice: 'Reload this tab to open what is stored now',
      };
    case 'DamagedRecordError':
      return {
        reason: `a stored entry is damaged (${(err as DamagedRecordError).problem})`,
        advice: 'Remove or repair it under “My scenarios” on the start page',
      };
    case 'DatabaseClosedError':
    case 'InvalidStateError':
    case 'TransactionInactiveError':
    case 'AbortError':
      return { reason: 'this tab’s connection to its storage was closed', advice: 'Reload this tab and try again' };
    default:
      return {
        reason: 'of an unexpected problem in this browser’s storage',
        advice: 'Reload this tab and try again; if it happens again, back up everything and report it',
      };
  }
}

/** The learner-worded reason alone ("browser storage is full"), for sentences of their own. */
export const storageReason = (err: unknown): string => explain(err).reason.replace(/^of /, 'there was ');

/**
 * Sentences for a failure met while doing `what` ("Importing “Orders”"): what failed and why in
 * the learner's words, what is `kept`, and what to do. Never raw JavaScript error text.
 */
export function describeFailure(what: string, err: unknown, kept: string | null = 'Nothing was changed'): string {
  const { reason, advice } = explain(err);
  return sentences(`${what} failed because ${reason}`, kept, advice);
}
