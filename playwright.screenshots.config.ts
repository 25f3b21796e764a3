import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run screenshots`: captures the pages we look at after a UI change (docs/screenshots/).
export default defineConfig({
  ...base,
  testDir: './scripts',
  testMatch: 'screenshots.spec.ts',
  retries: 0,
  // The e2e build only (the screenshots wait on its test hooks).
  projects: base.projects?.filter((p) => p.name === 'chromium').map(({ testIgnore: _all, ...p }) => p),
  reporter: [['list']],
});
