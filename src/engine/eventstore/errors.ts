import type { ExpectedRevision } from '../types';

const describeExpected = (expected: ExpectedRevision): string =>
  typeof expected === 'number' ? `revision ${expected}` : `'${expected}'`;

const describeActual = (actual: number | 'no_stream'): string =>
  actual === 'no_stream' ? 'the stream does not exist' : `its last revision is ${actual}`;

/**
 * An append whose expectation does not hold (KurrentDB's WrongExpectedVersion). Nothing of the
 * append was written. `actual` is `'no_stream'` or the revision of the stream's last event.
 */
export class WrongExpectedVersionError extends Error {
  override readonly name = 'WrongExpectedVersionError';
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly actual: number | 'no_stream';

  constructor(streamId: string, expected: ExpectedRevision, actual: number | 'no_stream', detail?: string) {
    super(
      `Append to stream '${streamId}' rejected: expected ${describeExpected(expected)}, but ${describeActual(actual)}` +
        (detail ? ` (${detail})` : '') +
        '. Nothing was written.',
    );
    this.streamId = streamId;
    this.expected = expected;
    this.actual = actual;
  }
}

export const isWrongExpectedVersionError = (e: unknown): e is WrongExpectedVersionError =>
  e instanceof WrongExpectedVersionError;
