/**
 * The broker view renders every built-in scenario at every step (server-rendered, no DOM needed: the
 * drawing at the default width, as LiveBrokerView draws it once its panel is measured).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { allBuiltins } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { RunProvider, type PlaybackActor } from '../../state/react';
import { createStore } from 'zustand/vanilla';
import { createRunStore, type RunState } from '../../state/runStore';
import { DEFAULT_WIDTH } from '../layout/brokerLayout';
import { LiveBrokerDrawing, LiveBrokerView } from './LiveBrokerView';
import { TOKEN_MS, tokenDelays } from './Token';
import type { TokenVM } from '../layout/brokerLayout';

describe('broker view', () => {
  it('renders every built-in scenario at every step, each retained record a named grid cell, one tab stop for all', () => {
    let total = 0;
    for (const scenario of allBuiltins()) {
      if (scenario.topology.topics.length === 0) continue;
      const stepper = new Stepper(scenario, []);
      const base = createRunStore(scenario, `run-${scenario.id}`, [], stepper);
      for (let k = 0; k <= stepper.lastStep; k++) {
        const r = stepper.at(k);
        const store = createStore<RunState>()(() => ({
          ...base.getState(),
          step: k,
          world: r.world,
          effects: r.effects,
          narration: r.narration,
        }));
        const html = renderToStaticMarkup(
          createElement(RunProvider, {
            store,
            playback: null as unknown as PlaybackActor,
            children: createElement(LiveBrokerDrawing, { width: DEFAULT_WIDTH }),
          }),
        );
        const records = Object.values(r.world.broker.topics).flatMap((t) => t.partitions.flatMap((p) => p.records));
        const buttons =
          html.match(
            /class="bv-cell[^"]*" role="gridcell" data-topic="[^"]+" data-partition="\d+" data-offset="\d+" tabindex="-?[01]"/g,
          ) ?? [];
        // Every record is a cell of the grid, or behind a "show all" button of its partition.
        expect(buttons.length).toBeLessThanOrEqual(records.length);
        if (buttons.length < records.length) expect(html).toContain('Show all records of');
        // One tab stop for all the records.
        expect(buttons.filter((b) => b.endsWith('tabindex="0"'))).toHaveLength(buttons.length ? 1 : 0);
        expect((html.match(/role="grid"/g) ?? []).length).toBe(buttons.length ? 1 : 0);
        expect(html).toContain('Select any record');
        total += buttons.length;
      }
    }
    expect(total).toBeGreaterThan(100);
  }, 60_000);

  it('draws the lag of every step up to the current one on a run opened straight at that step', () => {
    const scenario = allBuiltins().find((s) => s.id === 'pubsub-basics')!;
    const stepper = new Stepper(scenario, []);
    const k = stepper.lastStep;
    const r = stepper.at(k);
    const base = createRunStore(scenario, 'run-opened-at-k', [], stepper);
    const store = createStore<RunState>()(() => ({
      ...base.getState(),
      step: k,
      world: r.world,
      effects: r.effects,
      narration: r.narration,
    }));
    const html = renderToStaticMarkup(
      createElement(RunProvider, {
        store,
        playback: null as unknown as PlaybackActor,
        children: createElement(LiveBrokerDrawing, { width: DEFAULT_WIDTH }),
      }),
    );
    const summary = html.match(/<title>Billing: total lag by step[^<]*<\/title>/)?.[0] ?? '';
    // 13 points (steps 0–12): the last 12 spelt out, one earlier.
    expect(summary).toContain('(from step 0) — 1 earlier point, then step 1: no commit');
    expect(summary).toContain(`step ${k}: `);
    // The line has several points, not just the current step's.
    const line = html.match(/class="bv-lag-line" d="([^"]*)"|d="([^"]*)"[^>]*class="bv-lag-line"/);
    expect((line?.[1] ?? line?.[2] ?? '').split(/[ML]/).filter(Boolean).length).toBeGreaterThan(3);
  });

  it('starts a step’s tokens within a bounded span, fetches after produces', () => {
    const tok = (kind: TokenVM['kind'], index: number): TokenVM => ({
      id: `${kind}${index}`,
      kind,
      from: { x: 0, y: 0 },
      to: { x: 1, y: 1 },
      c1: { x: 0, y: 0 },
      c2: { x: 1, y: 1 },
      d: 'M0,0',
      colour: '#000',
      label: '',
      index,
    });
    const tokens = [
      ...Array.from({ length: 500 }, (_, i) => tok('produce', i)),
      ...Array.from({ length: 700 }, (_, i) => tok('fetch', 500 + i)),
    ];
    const d = tokenDelays(tokens);
    expect(Math.max(...d.slice(0, 500))).toBeLessThan(1500);
    expect(Math.min(...d.slice(500))).toBeGreaterThanOrEqual(Math.max(...d.slice(0, 500)) + TOKEN_MS - 1);
    expect(Math.max(...d)).toBeLessThan(1500 * 2 + TOKEN_MS);
  });
  it('draws nothing until its panel is measured (laid out once, at its width, before the first paint)', () => {
    const scenario = allBuiltins()[0]!;
    const store = createRunStore(scenario, 'unmeasured', [], new Stepper(scenario, []));
    const html = renderToStaticMarkup(
      createElement(RunProvider, {
        store,
        playback: null as unknown as PlaybackActor,
        children: createElement(LiveBrokerView),
      }),
    );
    expect(html).toBe('<div class="bv-live"></div>');
  });
});
