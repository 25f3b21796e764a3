import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// `npm run screenshots`: captures the pages we look at after a UI change (docs/screenshots/).
export default defineConfig({
  ...base,
  testDir: './scripts',
  testMatch: 'screenshots.spec.ts',
  retries: 0,
  reporter: [['list']],
});
