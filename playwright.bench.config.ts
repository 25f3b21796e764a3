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
  // No trace: the e2e config's 'retain-on-failure' records every measured page while it is measured (a
  // screencast of its frames and a DOM snapshot per action, ~350 JPEG frames in the frames bench), work
  // in the measured browser that no learner's browser does.
  use: { ...base.use, trace: 'off' },
});
