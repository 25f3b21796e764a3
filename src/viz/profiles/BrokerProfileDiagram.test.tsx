import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { apply, createRabbit, type RabbitRequest, type RabbitState } from '../../engine/rabbitmq';
import { BrokerProfileDiagram } from './BrokerProfileDiagram';

function rabbitAfter(reqs: RabbitRequest[]) {
  let s: RabbitState = createRabbit();
  const effects: unknown[] = [];
  for (const r of reqs) {
    const step = apply(s, r, 0);
    s = step.state;
    effects.push(...step.effects);
  }
  return { state: s, effects };
}

describe('BrokerProfileDiagram', () => {
  it('is one image named by its profile, described by its counts and the step’s moves, text as text', () => {
    const { state, effects } = rabbitAfter([
      { kind: 'declare-queue', queue: '<b>tasks</b>', type: 'classic' },
      { kind: 'publish', exchange: '', routingKey: '<b>tasks</b>', body: 'job-1' },
    ]);
    const html = renderToStaticMarkup(
      createElement(BrokerProfileDiagram, { profile: 'rabbitmq', state, effects, name: 'RabbitMQ' }),
    );
    expect(html).toContain('role="img"');
    expect(html).toMatch(/<title id="[^"]+">RabbitMQ: diagram<\/title>/);
    expect(html).toContain('&lt;b&gt;tasks&lt;/b&gt;: ready 1 · unacked 0, classic queue.');
    expect(html).toContain('In this step: (default exchange): 1 routed; &lt;b&gt;tasks&lt;/b&gt;: 1 in.');
    expect(html).not.toContain('<b>');
  });

  it('draws nothing for a profile without a diagram here', () => {
    expect(
      renderToStaticMarkup(createElement(BrokerProfileDiagram, { profile: 'kafka-2', state: {}, effects: [] })),
    ).toBe('');
  });
});
