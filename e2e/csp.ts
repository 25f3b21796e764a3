import type { Page } from '@playwright/test';

/** The strict policy the built app must run under: no inline or eval'd script, nothing from elsewhere. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Serves every HTML page with STRICT_CSP and collects the violations the page reports. */
export async function underStrictCsp(page: Page): Promise<{ violations: string[] }> {
  await page.route('**/*', async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    if ((headers['content-type'] ?? '').includes('text/html')) headers['content-security-policy'] = STRICT_CSP;
    await route.fulfill({ response, headers });
  });
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|unsafe-eval/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { violations };
}
