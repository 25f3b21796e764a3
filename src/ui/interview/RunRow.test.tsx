/**
 * A failing run's button: several runs open at the same step, so each button's accessible name ends with
 * its run's title (visually hidden), while its visible text stays "Open this run at step N".
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { RunRow } from './RunRow';

/** The button's text as a screen reader names it (the hidden span included), and its visible part. */
function button(title: string) {
  const html = renderToStaticMarkup(
    createElement(RunRow, {
      run: { title, pass: false, feedback: 'Charged twice.' },
      openAt: 12,
      onOpen: async () => undefined,
    }),
  );
  const inner = /<button[^>]*>(.*?)<\/button>/.exec(html)![1]!;
  return {
    name: inner.replace(/<[^>]+>/g, ''),
    visible: inner.replace(/<span class="visually-hidden">.*?<\/span>/, ''),
  };
}

describe('a failing run’s open button', () => {
  it('is named for its run: two runs opening at the same step have different names, the same visible text', () => {
    const crash = button('Payments crashes after charging, before committing its offsets');
    const dup = button('Payments receives the retried charge twice (duplicate delivery)');
    expect(crash.name).toBe(
      'Open this run at step 12 — Payments crashes after charging, before committing its offsets',
    );
    expect(dup.name).toBe('Open this run at step 12 — Payments receives the retried charge twice (duplicate delivery)');
    expect(crash.visible).toBe('Open this run at step 12');
    expect(dup.visible).toBe(crash.visible);
  });

  it('renders the title as text, never as HTML', () => {
    expect(button('<b>x</b>').name).toBe('Open this run at step 12 — &lt;b&gt;x&lt;/b&gt;');
  });
});
