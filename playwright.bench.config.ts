import { defineConfig } from '@playwright/test';
import base from './playwright.config';

const port = Number(process.env.EVENT_LAB_E2E_PORT ?? 4174);
const outDir = port === 4174 ? 'dist-e2e' : `dist-e2e-${port}`;
const [e2eServer, ...otherServers] = Array.isArray(base.webServer) ? base.webServer : [];

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
  // The e2e build (it has the test hooks the benches wait on) served as a deployed site serves it:
  // scripts/serve-static.mjs, whose hashed assets are cached (immutable) as a static host's are, where
  // `vite preview` has the browser revalidate each of the ~30 chunks on every page load — round trips a
  // returning learner never makes (the production build's service worker answers them from its cache).
  webServer: [
    {
      ...e2eServer!,
      command: `npx vite build --mode e2e --outDir ${outDir}${process.env.PROF_NOMIN ? ' --minify false --sourcemap false' : ''} && node scripts/serve-static.mjs --dir ${outDir} --port ${port}`,
    },
    ...otherServers,
  ],
});
