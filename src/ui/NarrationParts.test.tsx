/**
 * The narration's parts, server-rendered: why a step is told from what happened, the full list behind a
 * named disclosure, the reference's text labelled as the reference's, and a design's takeaways never
 * shown as its own.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Narration } from '../engine/types';
import { AllEffects, OriginalStory, Takeaways, ToldNote } from './NarrationParts';

const told = (n: Partial<Narration>): Narration => ({ title: 't', text: 'x', generated: true, ...n });

describe('NarrationParts', () => {
  it('a design’s step says why it is told from what the design did; an authored step says nothing', () => {
    expect(renderToStaticMarkup(createElement(ToldNote, { narration: told({ toldBecause: 'design' }) }))).toContain(
      'Your design differs from the reference here, so this step is told from what your design did.',
    );
    expect(renderToStaticMarkup(createElement(ToldNote, { narration: told({}) }))).toContain('You changed the story');
    expect(renderToStaticMarkup(createElement(ToldNote, { narration: told({ generated: false }) }))).toBe('');
  });

  it('every effect is listed behind "Every effect of this step (N)", as text', () => {
    const html = renderToStaticMarkup(
      createElement(AllEffects, { narration: told({ allEffects: ['A <b>1</b>.', 'A 2.', 'A 3.'] }) }),
    );
    expect(html).toContain('<summary>Every effect of this step (3)</summary>');
    expect(html).toContain('A &lt;b&gt;1&lt;/b&gt;.');
    expect(renderToStaticMarkup(createElement(AllEffects, { narration: told({}) }))).toBe('');
  });

  it('the reference’s text and differences are labelled as the reference’s and the design’s', () => {
    const html = renderToStaticMarkup(
      createElement(OriginalStory, {
        original: { text: 'driver-7 starts the trip.', differences: [{ original: 'a', here: 'b' }], of: 'reference' },
      }),
    );
    expect(html).toContain('In the reference design (1 difference)');
    expect(html).toContain('<strong>In the reference:</strong> a <strong>Your design:</strong> b');
  });

  it('a design’s takeaways are headed and each labelled as the reference design’s', () => {
    const html = renderToStaticMarkup(
      createElement(Takeaways, { takeaways: ['Consumers deduplicate.'], ofReference: true }),
    );
    expect(html).toContain('Takeaways of the reference design');
    expect(html).toContain('<li>In the reference design: Consumers deduplicate.</li>');
    const own = renderToStaticMarkup(
      createElement(Takeaways, { takeaways: ['Consumers deduplicate.'], ofReference: false }),
    );
    expect(own).toContain('<h3>Takeaways</h3>');
    expect(own).toContain('<li>Consumers deduplicate.</li>');
  });
});
