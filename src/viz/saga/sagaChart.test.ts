import { describe, expect, it } from 'vitest';
import { createOrchestrator, deliver, start } from '../../engine/saga';
import { findBuiltin } from '../../scenarios/content';
import { layoutSagaChart } from './sagaChart';

const def = findBuiltin('sagas')!.topology.sagas![0]!;

describe('the saga state chart', () => {
  it('puts states in columns so every arrow points right, and draws every transition', () => {
    const chart = layoutSagaChart(def, undefined);
    const x = (n: string) => chart.states.find((s) => s.name === n)!.y;
    expect(x('holding-payout')).toBeLessThan(x('charging'));
    expect(x('charging')).toBeLessThan(x('compensating'));
    expect(x('compensating')).toBeLessThan(x('compensated'));
    expect(chart.edges.map((e) => e.label)).toContain('after 30 s');
    for (const e of chart.edges) expect(x(e.to), e.key).toBeGreaterThan(x(e.from));
    // charging-again → compensating on CardDeclined or its timeout: one arrow, both labels.
    expect(chart.edges).toHaveLength(8);
    expect(chart.edges.map((e) => e.label)).toContain('CardDeclined · after 30 s');
    expect(chart.states.find((s) => s.name === 'completed')!.final).toBe('completed');
  });

  it('marks the states that hold an instance now', () => {
    let o = start(def, createOrchestrator(), 'ride-8', 0).state;
    o = start(def, o, 'ride-9', 0).state;
    o = deliver(def, o, 'ride-9', 'PayoutHeld', 1).state;
    const chart = layoutSagaChart(def, o);
    expect(chart.states.find((s) => s.name === 'holding-payout')!.instances).toEqual(['ride-8']);
    expect(chart.states.find((s) => s.name === 'charging')!.instances).toEqual(['ride-9']);
  });
});
