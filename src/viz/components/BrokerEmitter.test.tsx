/** A producer's box says what it sent in this step, not a running total. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { EmitterVM } from '../layout/brokerTypes';
import { Emitter } from './BrokerEmitter';

const producer = (emitted: number): EmitterVM => ({
  id: 'checkout',
  kind: 'producer',
  label: 'Checkout service',
  titleLines: ['Checkout service'],
  sub: 'producer',
  colour: '#333',
  x: 0,
  y: 0,
  width: 140,
  height: 48,
  emitted,
});
const shown = (emitted: number) =>
  renderToStaticMarkup(createElement('svg', null, createElement(Emitter, { p: producer(emitted) })));

describe('a producer’s box', () => {
  it('names the records it appended in this step, as this step’s', () => {
    expect(shown(1)).toContain('▶ 1 record this step');
    expect(shown(3)).toContain('▶ 3 records this step');
    expect(shown(3)).toContain('appended 3 records in this step');
  });

  it('in a step it sent nothing, says what it is', () => {
    expect(shown(0)).not.toContain('this step');
    expect(shown(0)).toContain('>producer</text>');
  });
});
