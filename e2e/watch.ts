import type { Page } from '@playwright/test';

/**
 * Everything that went wrong on a page while a test drove it: uncaught errors, console errors,
 * requests that failed or answered 4xx/5xx. A newcomer sees none of these as a test failure, only
 * as a blank or broken page, so the sweep fails on any of them.
 */
export function watchForProblems(page: Page): { problems: string[] } {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  page.on('requestfailed', (r) =>
    problems.push(`request failed: ${r.url()} (${r.failure()?.errorText ?? 'no reason'})`),
  );
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  return { problems };
}
