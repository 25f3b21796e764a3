/** The broker view while a stage plays: tokens fly with motion; under reduced motion nothing moves, the stage is ringed. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content/index';
import { Stepper } from '../../scenarios/stepper';
import { planStages } from '../../state/stagePlan';
import { layoutBroker } from '../layout/brokerLayout';
import { BrokerView } from './BrokerView';

const scenario = findBuiltin('pubsub-basics')!;
const stepper = new Stepper(scenario, []);
const k = [...Array(stepper.lastStep).keys()]
  .map((i) => i + 1)
  .find((j) => stepper.at(j).effects.some((e) => e.kind === 'record-appended'))!;

function render(kind: string, reducedMotion: boolean): string {
  const r = stepper.at(k);
  const stages = planStages(r.effects);
  const index = kind === 'done' ? stages.length : stages.findIndex((s) => s.kind === kind);
  const model = layoutBroker({
    broker: r.world.broker,
    effects: r.effects,
    producers: scenario.topology.producers,
    groups: scenario.topology.groups,
    width: 940,
    stage: { before: stepper.at(k - 1).world.broker, stages, index },
  });
  return renderToStaticMarkup(
    createElement(BrokerView, { model, stepKey: `r/${k}`, stageMs: index < stages.length ? 650 : 0, reducedMotion }),
  );
}

describe('broker view, stage by stage', () => {
  it('names the stage on screen on its root and in a polite caption', () => {
    const html = render('send', false);
    expect(html).toContain('data-stage="send"');
    expect(html).toMatch(/aria-live="polite">1 of 2 · [^<]+<\/p>/);
    expect(render('done', false)).toContain('data-stage="done"');
  });

  it('flies the record during send with motion; under reduced motion rings the sender instead, nothing moves', () => {
    const moving = render('send', false);
    expect(moving).toContain('class="bv-token"');
    const still = render('send', true);
    expect(still).not.toContain('class="bv-token"');
    expect(still).toContain('class="bv-ring"');
    expect(still).toContain('data-stage="send"');
  });

  it('labels the landed record under reduced motion too', () => {
    const html = render('land', true);
    expect(html).toContain('new · offset');
    expect(html).toContain('bv-label is-current');
  });
});
