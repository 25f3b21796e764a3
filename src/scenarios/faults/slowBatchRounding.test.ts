/**
 * A slow batch on a `poll-batch` is judged by the engine's poll loop exactly as the Faults dialog's hint judges it
 * (`slowFate`): in time up to and including the member's max.poll.interval.ms, late past it, whatever the batch's
 * size. Timing the batch as `ms / n` per record times `n` landed a hair past the limit for some sizes (7, 11, 14…
 * records of 30 s), so a batch of exactly the limit was late in the run while the hint said in time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Effect } from '../../engine/types';
import { applyAction } from '../actions';
import { compileScenario } from '../compiledScenario';
import { findBuiltin } from '../content';
import { Stepper } from '../stepper';
import { slowFate, type SlowFate } from './memberHints';
import { pollKindOf, type PollLike } from './pollKinds';
import { clientIn } from './slowBatch';

const backpressure = findBuiltin('backpressure')!;
const rt = compileScenario(backpressure);
// Backpressure after its second rush: 50 orders wait for packer-a (max.poll.interval.ms 30 s), whose poll loop is step 5.
const world = new Stepper(backpressure, []).at(4).world;
const step5 = backpressure.steps[4]!.action as PollLike;
const client = clientIn(world, 'packing', 'packer-a');
const limit = client.maxPollIntervalMs;

/**
 * The engine's verdict on packer-a's batch of `n` records taking `ms` in all, in the hint's terms: what the loop's
 * note on the batch says (its time, within or past the limit) must be what its poll deadline then does.
 */
function engineFate(n: number, ms: number): SlowFate {
  const kind = pollKindOf({ ...step5, maxRecords: n }, rt, (w, a) => applyAction(w, a, rt));
  const mine = kind.slow(world, ms).effects.filter((e: Effect) => 'memberId' in e && e.memberId === 'packer-a');
  expect(mine.filter((e) => e.kind === 'record-processed')).toHaveLength(n);
  const batch = mine.find((e) => e.kind === 'consumer-changed' && e.op === 'batch-processed');
  expect(batch).toMatchObject({ records: n, ms });
  const toldLate = batch!.reason.includes('it cannot call poll() again in time');
  const fate = mine.some((e) => e.kind === 'member-left')
    ? 'leaves'
    : mine.some((e) => e.kind === 'consumer-changed' && e.op === 'poll-timeout')
      ? 'held'
      : 'in-time';
  expect(toldLate, `the note on the batch: ${batch!.reason}`).toBe(fate !== 'in-time');
  return fate;
}

describe('a slow poll-batch: the hint’s verdict is the engine’s', () => {
  it('given packer-a, a dynamic member with a 30 s limit and 50 orders waiting', () => {
    expect({ limit, dynamic: client.groupInstanceId === undefined }).toEqual({ limit: 30_000, dynamic: true });
  });

  it('a batch of exactly the limit is in time at every size from 1 to 50 records, a millisecond more is late', () => {
    for (let n = 1; n <= 50; n++) {
      expect(engineFate(n, limit), `${n} records in ${limit} ms`).toBe('in-time');
      expect(engineFate(n, limit + 1), `${n} records in ${limit + 1} ms`).toBe('leaves');
    }
  });

  it('for any size from 1 to 50 and any total within 50 ms of the limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.integer({ min: limit - 50, max: limit + 50 }), (n, ms) => {
        expect(engineFate(n, ms), `${n} records in ${ms} ms`).toBe(slowFate(client, ms));
      }),
      { numRuns: 300 },
    );
  });
});
