// compare.js of the exported project (project/compare.cjs): what counts as "same" and how differences are told.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../content';
import { exportProject, runFacts, type RunFile } from '.';

interface Real {
  groups: Record<string, { n: number; consumer: string }[]>;
  where: Record<number, string>;
  partitions?: Record<number, number>;
  ignored?: number;
}
interface Result {
  same: boolean;
  groups: {
    id: string;
    missing: number[];
    extra: number[];
    orderDiffs: { key: string; simulator: number[]; real: number[] }[];
  }[];
  placements: { n: number; compared: boolean; simulator: number; real: number | null }[];
}
const { compare, print, expectedCounts } = createRequire(import.meta.url)('./project/compare.cjs') as {
  expectedCounts: (run: RunFile) => Record<string, number>;
  compare: (run: RunFile, real: Real) => Result;
  print: (run: RunFile, real: Real, result: Result, log: (line: string) => void) => void;
};

const run = JSON.parse(exportProject(runFacts(findBuiltin('pubsub-basics')!), 'kafka').files['run.json']!) as RunFile;
/** What a faithful broker reports: every group gets every record, in publish order, where the simulator put it. */
const faithful = (): Real => ({
  groups: Object.fromEntries(run.groups.map((g) => [g.id, run.records.map((r) => ({ n: r.n, consumer: 'c' }))])),
  where: Object.fromEntries(run.records.map((r) => [r.n, `orders-${r.simulator.partition}`])),
  partitions: Object.fromEntries(run.records.map((r) => [r.n, r.simulator.partition])),
});

describe('compare.js', () => {
  it('says same when every group got the same records, per-key order and keyed partitions agreeing', () => {
    const result = compare(run, faithful());
    expect(result.same).toBe(true);
    expect(result.placements.filter((p) => p.compared)).toHaveLength(6);
    const lines: string[] = [];
    print(run, faithful(), result, (l) => lines.push(l));
    expect(lines.at(-1)).toMatch(/^SAME/);
    expect(lines).toContain('#1 orders key "order-1"');
  });

  it('names a record a group missed, one only the real side delivered, a per-key reordering and a moved partition', () => {
    const real = faithful();
    real.groups.billing = real.groups.billing!.filter((d) => d.n !== 2);
    real.groups.analytics = [...real.groups.analytics!].reverse();
    real.partitions![1] = 0;
    const result = compare(
      { ...run, groups: [{ ...run.groups[0]!, simulator: run.groups[0]!.simulator.slice(0, 5) }, run.groups[1]!] },
      real,
    );
    expect(result.same).toBe(false);
    const billing = result.groups.find((g) => g.id === 'billing')!;
    const simOrder = run.groups[0]!.simulator.slice(0, 5).map((d) => d.n);
    expect(billing.missing).toEqual(simOrder.includes(2) ? [2] : []);
    expect(billing.extra).toEqual(
      run.groups[0]!.simulator.slice(5)
        .map((d) => d.n)
        .filter((n) => n !== 2),
    );
    const analytics = result.groups.find((g) => g.id === 'analytics')!;
    expect(analytics.orderDiffs).toEqual([{ topic: 'orders', key: 'order-1', simulator: [1, 4, 6], real: [6, 4, 1] }]);
    expect(result.placements.find((p) => p.n === 1)).toEqual({ n: 1, simulator: 1, real: 0, compared: true });
    const lines: string[] = [];
    print(run, real, result, (l) => lines.push(l));
    expect(lines.join('\n')).toContain('key "order-1" on orders: simulator #1 #4 #6, real #6 #4 #1');
    expect(lines.join('\n')).toContain('#1: partition 0 here, 1 in the simulator');
    expect(lines.at(-1)).toMatch(/^DIFFERENT/);
  });

  it('shows keyless placements without comparing them', () => {
    const keyless = JSON.parse(
      exportProject(runFacts(findBuiltin('partitions-keys-ordering')!), 'kafka').files['run.json']!,
    ) as RunFile;
    const sticky = keyless.records.filter((r) => r.simulator.placement === 'sticky').map((r) => r.n);
    const real: Real = {
      groups: Object.fromEntries(
        keyless.groups.map((g) => [g.id, g.simulator.map((d) => ({ n: d.n, consumer: 'c' }))]),
      ),
      where: {},
      partitions: Object.fromEntries(
        keyless.records.map((r) => [
          r.n,
          sticky.includes(r.n) ? (r.simulator.partition + 1) % 3 : r.simulator.partition,
        ]),
      ),
    };
    const result = compare(keyless, real);
    expect(sticky).toHaveLength(3);
    expect(result.placements.filter((p) => sticky.includes(p.n)).every((p) => !p.compared)).toBe(true);
    expect(result.same).toBe(true);
    const lines: string[] = [];
    print(keyless, real, result, (l) => lines.push(l));
    expect(lines.filter((l) => l.endsWith('(keyless: its partition is not compared)'))).toHaveLength(3);
  });

  it('expects every record of its topics for a group with members, none for a group without (it gets no consumer)', () => {
    const idle = { ...run, groups: [run.groups[0]!, { ...run.groups[1]!, members: [] }] };
    expect(expectedCounts(idle)).toEqual({ billing: 6, analytics: 0 });
  });
});
