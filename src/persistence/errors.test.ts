import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DamagedRecordError,
  DatabaseClosedError,
  DatabaseDeletedElsewhereError,
  DatabaseUpgradedElsewhereError,
  describeFailure,
  sentences,
  StorageFullError,
  StorageUnavailableError,
  storageReason,
} from './errors';

const RAW = /Error\b|is not a function|undefined|\[object|\.\.(?!\.)|\.\s*\./;

describe('sentences', () => {
  it('ends each part with one full stop (issue 19, point 10: no “tab.. Nothing was changed”)', () => {
    expect(sentences('Reload this tab.', 'Nothing was changed')).toBe('Reload this tab. Nothing was changed.');
    expect(sentences('Is it full?', ' Free some space. ', null, false, '')).toBe('Is it full? Free some space.');
    expect(sentences('Not restored — x: “a.”', 'Nothing was changed.')).toBe(
      'Not restored — x: “a.” Nothing was changed.',
    );
  });

  it('never doubles a full stop, whatever the parts', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-z ]{0,8}[.]{0,3}$/), { maxLength: 5 }), (parts) => {
        expect(sentences(...parts)).not.toMatch(/[^.]\.\.(?!\.)|\.\s+\./);
      }),
    );
  });
});

describe('storage messages say what happened and what to do, never raw error text', () => {
  const raw = (name: string) => new DOMException('t.map is not a function', name);
  const cases: [string, unknown, RegExp][] = [
    [
      'storage full (QuotaExceededError)',
      raw('QuotaExceededError'),
      /^Importing “Orders” failed because browser storage is full\. Nothing was changed\. Free some space \(delete saved scenarios or branches you no longer need, or other sites’ data in the browser’s settings\), then try again\.$/,
    ],
    [
      'storage full (ours)',
      new StorageFullError(),
      /failed because browser storage is full\. Nothing was changed\. Free some space/,
    ],
    [
      'IndexedDB unavailable',
      new StorageUnavailableError(),
      /failed because this browser does not let Event Lab use its storage \(IndexedDB\)\. Nothing was changed\. Guided scenarios still play, in memory only: nothing is kept after you close the tab\.$/,
    ],
    [
      'upgraded elsewhere',
      new DatabaseUpgradedElsewhereError('event-lab-catalog'),
      /failed because another tab upgraded your saved data to a newer version of Event Lab\. Nothing was changed\. Close every Event Lab tab, then open Event Lab again/,
    ],
    [
      'this tab is older (VersionError)',
      raw('VersionError'),
      /failed because your saved data was upgraded by a newer version of Event Lab\. Nothing was changed\. Close every Event Lab tab/,
    ],
    [
      'deleted elsewhere',
      new DatabaseDeletedElsewhereError('event-lab-catalog'),
      /failed because this tab’s saved data was deleted in another tab\. Nothing was changed\. Reload this tab to open what is stored now\.$/,
    ],
    [
      'closed',
      new DatabaseClosedError('event-lab-catalog'),
      /failed because this tab’s connection to its storage was closed\. Nothing was changed\. Reload this tab and try again\.$/,
    ],
    [
      'damaged entry',
      new DamagedRecordError('scenarios', 'my-fork', 'its name is not text of at most 200 characters'),
      /failed because a stored entry is damaged \(its name is not text of at most 200 characters\)\. Nothing was changed\. Remove or repair it/,
    ],
    [
      'a TypeError',
      new TypeError('t.map is not a function'),
      /failed because of an unexpected problem in this browser’s storage\. Nothing was changed\. Reload this tab and try again/,
    ],
    ['a string', 'boom', /failed because of an unexpected problem/],
  ];
  it.each(cases)('%s', (_name, err, expected) => {
    const text = describeFailure('Importing “Orders”', err);
    expect(text).toMatch(expected);
    expect(text).not.toMatch(RAW);
    expect(text).not.toContain('t.map');
  });

  it('the reason alone reads inside a sentence of the caller', () => {
    expect(storageReason(new StorageUnavailableError())).toBe(
      'this browser does not let Event Lab use its storage (IndexedDB)',
    );
    expect(storageReason(new Error('x'))).toBe('there was an unexpected problem in this browser’s storage');
  });

  it('an upgrade elsewhere no longer advises a reload that does not help; deletion and upgrade differ', () => {
    expect(new DatabaseUpgradedElsewhereError('db').message).not.toMatch(/Reload this tab/);
    expect(new DatabaseUpgradedElsewhereError('db', { atOpen: true }).message).toMatch(
      /Close every Event Lab tab, then open Event Lab again/,
    );
    expect(new DatabaseDeletedElsewhereError('db').message).toMatch(/deleted in another tab/);
    expect(new DatabaseDeletedElsewhereError('db').message).not.toMatch(/upgraded/);
    for (const e of [
      new StorageFullError(),
      new StorageUnavailableError(),
      new DatabaseUpgradedElsewhereError('db'),
      new DatabaseDeletedElsewhereError('db'),
      new DatabaseClosedError('db', { byBrowser: true }),
    ])
      expect(e.message).not.toMatch(/\.\s*\./);
  });
});
