import { beforeEach, describe, expect, it } from 'vitest';
import { createProcessor, restoreStore, runProcessor, type ProcessorDef } from './processor';
import { allRows, applyToTable, createTable } from './table';
import { rec, resetOffsets } from './streams.testkit';
import { put, remove, createStore, restore, compacted } from './stateStore';

beforeEach(resetOffsets);

const drv = (key: string, status: string | null, partition = 0) =>
  rec(key, 0, { topic: 'driver-states', partition, value: status === null ? null : { status } });
const req = (key: string, partition = 0) => rec(key, 0, { topic: 'ride-offers', partition, value: { ride: 'r' } });
const join: ProcessorDef = { kind: 'join', id: 'match', stream: 'ride-offers', table: 'driver-states', join: 'inner' };
const parts = { 'ride-offers': 3, 'driver-states': 3 };

describe('a table from a changelog (KTable)', () => {
  it('given two updates and a tombstone, then the table holds the latest value and the deleted key is gone', () => {
    let t = createTable();
    for (const r of [drv('d-1', 'available'), drv('d-2', 'available'), drv('d-1', 'on-trip'), drv('d-2', null)])
      t = applyToTable('p', t, r, 'drivers').state;
    expect(allRows(t)).toEqual({ 'd-1': { status: 'on-trip' } });
  });
});

describe('a stream–table join (KStreamKTableJoin)', () => {
  it('given a driver row, when a request for it arrives, then one output joins the row as it is now', () => {
    const r = runProcessor(join, createProcessor(join), [drv('d-1', 'available'), req('d-1')], parts);
    expect(r.state.outputs).toHaveLength(1);
    expect(r.state.outputs[0]?.table).toEqual({ status: 'available' });
    expect(r.effects.map((e) => e.op)).toEqual(['table-updated', 'table-no-output', 'joined']);
  });

  it('given a request with no row yet, when the row arrives later, then nothing is re-emitted (no retro-join)', () => {
    const r = runProcessor(join, createProcessor(join), [req('d-1'), drv('d-1', 'available')], parts);
    expect(r.state.outputs).toHaveLength(0);
    expect(r.effects.map((e) => e.op)).toEqual(['join-missed', 'table-updated', 'table-no-output']);
  });

  it('given a joined request, when the driver changes state, then the earlier output keeps the old value', () => {
    const r = runProcessor(
      join,
      createProcessor(join),
      [drv('d-1', 'available'), req('d-1'), drv('d-1', 'on-trip')],
      parts,
    );
    expect(r.state.outputs.map((o) => o.table)).toEqual([{ status: 'available' }]);
  });

  it('given a left join and no row, then the output carries null for the table side', () => {
    const left: ProcessorDef = { ...join, join: 'left' };
    const r = runProcessor(left, createProcessor(left), [req('d-9')], parts);
    expect(r.state.outputs[0]?.table).toBeNull();
  });

  it('given the row in another partition than the request, then the task does not see it', () => {
    const r = runProcessor(join, createProcessor(join), [drv('d-1', 'available', 0), req('d-1', 1)], parts);
    expect(r.state.outputs).toHaveLength(0);
  });

  it('given topics with 3 and 2 partitions, then the join refuses to start and reads nothing', () => {
    const r = runProcessor(join, createProcessor(join), [req('d-1')], { 'ride-offers': 3, 'driver-states': 2 });
    expect(r.effects.map((e) => e.op)).toEqual(['not-copartitioned']);
    expect(r.effects[0]?.reason).toMatch(/co-partitioned/);
    expect(r.state.positions).toEqual({});
  });
});

describe('a state store and its changelog', () => {
  it('given puts and a delete, when restored from the changelog, then it equals the store', () => {
    let s = createStore('counts');
    s = put(s, 'a', 1, 0);
    s = put(s, 'b', 2, 0);
    s = put(s, 'a', 3, 0);
    s = remove(s, 'b', 0);
    expect(restore('counts', s.changelog).entries).toEqual({ a: 3 });
    expect(restore('counts', compacted(s.changelog)).entries).toEqual({ a: 3 });
    expect(compacted(s.changelog).map((c) => c.key)).toEqual(['a', 'b']);
  });

  it('given a windowed processor, when its store is restored, then the windows are the same', () => {
    const def: ProcessorDef = {
      kind: 'windowed',
      id: 'c',
      source: 'ride-requests',
      window: { type: 'tumbling', sizeMs: 60_000 },
      graceMs: 0,
      aggregate: { kind: 'count' },
    };
    const r = runProcessor(def, createProcessor(def), [rec('n', 1), rec('n', 2), rec('s', 70)], {});
    const back = restoreStore(def, r.state);
    expect(back.state.windowed?.store.entries).toEqual(r.state.windowed?.store.entries);
    expect(back.effects[0]?.op).toBe('store-restored');
  });
});

describe('the one-line summary of a step', () => {
  it('given updates and a drop, then it counts them by what happened', async () => {
    const { streamSummary } = await import('./summary');
    const e = (op: 'window-updated' | 'late-dropped') => ({
      kind: 'stream-changed' as const,
      processor: 'c',
      op,
      reason: 'x',
    });
    expect(streamSummary([e('window-updated'), e('late-dropped')])).toBe('c: 1 window update, 1 late record dropped');
    expect(streamSummary([e('window-updated'), e('window-updated')])).toBe('c: 2 window updates');
  });
});
