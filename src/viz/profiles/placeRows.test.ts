import { describe, expect, it } from 'vitest';
import type { DiagramSpec, NodeSpec } from './diagramTypes';
import { NODE_W, placeRows, wrapStep } from './placeRows';

const node = (id: string, row: number, step: string | null = null): NodeSpec => ({
  id,
  row,
  kind: 'store',
  title: id,
  lines: [`${id} has 1`],
  step,
});

const spec: DiagramSpec = {
  name: 'Test',
  summary: 'Test: four queues.',
  nodes: [node('x', 0, '2 routed'), node('a', 1, '2 in'), node('b', 1), node('c', 1), node('d', 1)],
  edges: [
    { from: 'x', to: 'a', label: 'k.*', hot: true },
    { from: 'x', to: 'd', label: null, hot: false },
    { from: 'a', to: 'x', label: 'dead letters', hot: false, dashed: true },
  ],
};

describe('placeRows', () => {
  it('keeps a row on one line when it fits the width, and wraps it when it does not', () => {
    const wide = placeRows(spec, 4 * (NODE_W + 8) + 20);
    expect(new Set(wide.nodes.filter((n) => n.row === 1).map((n) => n.line))).toEqual(new Set([1]));
    const narrow = placeRows(spec, 2 * (NODE_W + 8) + 20);
    expect(narrow.nodes.filter((n) => n.row === 1).map((n) => n.line)).toEqual([1, 1, 2, 2]);
    expect(narrow.height).toBeGreaterThan(wide.height);
    for (const n of narrow.nodes) expect(n.x + n.w).toBeLessThanOrEqual(narrow.width);
  });

  it('draws arrows down from the bottom of a box, and back up from its top', () => {
    const d = placeRows(spec);
    const x = d.nodes.find((n) => n.id === 'x')!;
    const a = d.nodes.find((n) => n.id === 'a')!;
    const down = d.edges.find((e) => e.id === 'x->a')!;
    expect(down.d.startsWith(`M${x.x + x.w / 2},${x.y + x.h}`)).toBe(true);
    expect(down.d.endsWith(`${a.x + a.w / 2},${a.y}`)).toBe(true);
    const up = d.edges.find((e) => e.id === 'a->x')!;
    expect(up.d.startsWith(`M${a.x + a.w / 2},${a.y}`)).toBe(true);
  });

  it('describes every box and what moved in the step, in words', () => {
    const d = placeRows(spec);
    expect(d.title).toBe('Test: diagram');
    expect(d.description).toContain('Test: four queues.');
    expect(d.description).toContain('d: d has 1.');
    expect(d.description).toContain('In this step: x: 2 routed; a: 2 in.');
    expect(d.description).toContain('Moved along x → a (k.*).');
  });

  it('says so when nothing moved, and gives the summary alone when there is nothing to draw', () => {
    const quiet = placeRows({ ...spec, nodes: spec.nodes.map((n) => ({ ...n, step: null })) });
    expect(quiet.description).toContain('Nothing moved here in this step.');
    expect(placeRows({ name: 'Empty', summary: 'Empty: nothing yet.', nodes: [], edges: [] }).description).toBe(
      'Empty: nothing yet.',
    );
  });

  it('breaks a long step line at its dots', () => {
    expect(wrapStep('3 in · 5 delivered · 2 requeued · 2 acked · 1 dead-lettered')).toEqual([
      '3 in · 5 delivered',
      '2 requeued',
      '2 acked',
      '1 dead-lettered',
    ]);
    expect(wrapStep(null)).toEqual([]);
  });
});
