// Finds a Chromium for Playwright: $EVENT_LAB_CHROMIUM, then Debian's /usr/bin/chromium, then
// Playwright's own download. Returns { path, source } or null.
import { existsSync } from 'node:fs';

const candidates = () =>
  [
    process.env.EVENT_LAB_CHROMIUM && { path: process.env.EVENT_LAB_CHROMIUM, source: 'EVENT_LAB_CHROMIUM' },
    { path: '/usr/bin/chromium', source: 'system' },
    { path: '/usr/bin/chromium-browser', source: 'system' },
  ].filter(Boolean);

export async function findBrowser() {
  for (const c of candidates()) if (existsSync(c.path)) return c;
  try {
    const { chromium } = await import('@playwright/test');
    const path = chromium.executablePath();
    if (path && existsSync(path)) return { path, source: 'playwright' };
  } catch {
    // Playwright not installed yet: handled by the caller.
  }
  return null;
}
