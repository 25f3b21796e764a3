/** "What happened in this step", server-rendered: one disclosure per stage, set-up as one line at step 0. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { findBuiltin } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { RunProvider, type PlaybackActor } from '../../state/react';
import { createRunStore, type RunState } from '../../state/runStore';
import { planStages } from '../../state/stagePlan';
import { EffectsList } from './EffectsList';

function renderAt(id: string, step: number) {
  const scenario = findBuiltin(id)!;
  const stepper = new Stepper(scenario, []);
  const r = stepper.at(step);
  const base = createRunStore(scenario, 'run', [], stepper).getState();
  const store = createStore<RunState>()(() => ({
    ...base,
    step,
    world: r.world,
    effects: r.effects,
    narration: r.narration,
  }));
  const html = renderToStaticMarkup(
    createElement(RunProvider, {
      store,
      playback: null as unknown as PlaybackActor,
      children: createElement(EffectsList),
    }),
  );
  return { html, effects: r.effects };
}

const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;

describe('EffectsList', () => {
  it('at step 0 shows set-up as one closed line, with the stages inside it', () => {
    const { html, effects } = renderAt('pubsub-basics', 0);
    const top = html.match(/<div class="effects-scroll"[^>]*><ol class="stages">(<li[\s\S]*)<\/ol><\/div>/)![1]!;
    expect(top.startsWith('<li class="stage-line tone-normal is-shown" data-kind="setup">')).toBe(true);
    expect(html).toContain('Set-up: topic orders (3 partitions) created; billing-1 and billing-2 joined billing');
    expect(count(html, /aria-expanded="true"/g)).toBe(0);
    // Inside the set-up line (hidden until opened): every stage of step 0.
    expect(count(html, /data-kind="(topic|members|rebalance)"/g)).toBe(planStages(effects).length);
  });

  it('after step 0, one disclosure per stage with something to explain, its reasons behind it', () => {
    const { html, effects } = renderAt('pubsub-basics', 5);
    const stages = planStages(effects);
    expect(count(html, /<li class="stage-line/g)).toBe(stages.length);
    for (const s of stages) expect(html).toContain(`<span class="stage-text">${s.summary}</span>`);
    expect(count(html, /class="stage-toggle" aria-expanded="false"/g)).toBe(stages.length);
    expect(html).toContain('Step 5, in 5 stages.');
    // The hash arithmetic and event ids are in the closed bodies, not the lines.
    const lines = [...html.matchAll(/<span class="stage-text">([^<]*)<\/span>/g)].map((m) => m[1]);
    expect(lines.join(' ')).not.toMatch(/murmur2|[0-9a-f]{8}-[0-9a-f]{4}/);
    expect(html).toMatch(/<div id="[^"]+" class="stage-body" hidden="">/);
  });

  it('a record’s send is a plain line; where it lands opens onto the partition’s arithmetic', () => {
    const { html } = renderAt('pubsub-basics', 1);
    expect(html).toContain('<span class="stage-toggle is-plain">');
    expect(html).toContain('murmur2(&#x27;order-1&#x27;)');
  });
});
