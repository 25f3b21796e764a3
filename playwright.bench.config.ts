import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Browser benchmarks: the production-like e2e build, one worker, no retries, long timeouts.
export default defineConfig({
  ...base,
  testDir: './bench/browser',
  testMatch: '**/*.spec.ts',
  retries: 0,
  timeout: 600_000,
  reporter: [['list']],
});
