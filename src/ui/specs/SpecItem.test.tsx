/**
 * One spec as the Specs panel shows it, server-rendered: given / when / then in words, the verdict in text (the ✓ or
 * ✗ is hidden from assistive technology), a change since the step before, the step's own expectation, and user
 * text rendered as text.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { findBuiltin } from '../../scenarios/content';
import { runSpecs } from '../../scenarios/specs/run';
import { SpecItem } from './SpecItem';

const scenario = findBuiltin('testing-event-driven')!;
const rename = { change: 'rename-field' as const, eventType: 'OrderPaid', from: 'total', to: 'amount' };
const contractAfterRename = runSpecs(scenario, [rename]).find((r) => r.id === 'loyalty-contract')!;

describe('SpecItem', () => {
  it('a failing contract: its verdict in words, what changed, the reason and the step’s expectation', () => {
    const html = renderToStaticMarkup(
      createElement(SpecItem, { result: contractAfterRename, before: true, expected: false }),
    );
    expect(html).toContain('<span class="spec-mark" aria-hidden="true">✗</span>');
    expect(html).toContain('<span class="spec-verdict">fails</span><span class="spec-changed">now fails</span>');
    expect(html).toContain('<dt>Given</dt>');
    expect(html).toContain('Fails: OrderPaid has no field total (its fields: orderId, customerId, amount)');
    expect(html).toContain('This step’s check expects it to fail: it does.');
  });

  it('a passing spec with no change and no expectation says neither', () => {
    const result = runSpecs(scenario).find((r) => r.id === 'pay-twice')!;
    const html = renderToStaticMarkup(createElement(SpecItem, { result, before: true }));
    expect(html).toContain('<span class="spec-verdict">passes</span>');
    expect(html).not.toContain('spec-changed');
    expect(html).not.toContain('This step’s check');
    // The refusal's quotes are text, escaped, never markup.
    expect(html).toContain('accepted only when &quot;placed&quot;');
  });
});
