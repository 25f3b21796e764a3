import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/browser';

// Another port (and build folder) can be chosen so two runs on one machine do not collide.
const port = Number(process.env.EVENT_LAB_E2E_PORT ?? 4174);
const outDir = port === 4174 ? 'dist-e2e' : `dist-e2e-${port}`;
// The production build, served under a sub-path by a plain static server, as a deployed site is.
const sitePort = port + 1;
const siteDir = port === 4174 ? 'dist-site' : `dist-site-${port}`;
const SITE_PREFIX = '/event-lab/';
// The dev server exactly as the README starts it (`npm run dev`, the address Vite prints); a run on
// another port (two runs on one machine) moves it too.
const devPort = port === 4174 ? 5173 : port + 2;
const devUrl = `http://localhost:${devPort}/`;
const devCommand = port === 4174 ? 'npm run dev' : `npm run dev -- --port ${devPort} --strictPort`;

const chromium = {
  ...devices['Desktop Chrome'],
  viewport: { width: 1440, height: 900 },
  launchOptions: { executablePath: chromiumPath(), args: chromiumArgs },
};
// Specs that open the production site or the dev server instead of the e2e build (which has test hooks).
const siteSpecs = ['**/newcomer.spec.ts', '**/offline.spec.ts', '**/embed.spec.ts'];

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: port === 4174 ? 'test-results/artifacts' : `test-results/artifacts-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: process.env.CI
    ? [['line'], ['json', { outputFile: 'test-results/e2e.json' }]]
    : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  timeout: 60_000,
  use: {
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
  projects: [
    // The e2e build (mode "e2e") exposes window.__eventLab so tests wait on the app, never on sleeps.
    { name: 'chromium', testIgnore: siteSpecs, use: { ...chromium, baseURL: `http://127.0.0.1:${port}/` } },
    { name: 'site', testMatch: siteSpecs, use: { ...chromium, baseURL: `http://127.0.0.1:${sitePort}${SITE_PREFIX}` } },
    { name: 'dev', testMatch: '**/newcomer.spec.ts', use: { ...chromium, baseURL: devUrl } },
  ],
  webServer: [
    {
      command: `npx vite build --mode e2e --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    {
      command: `npx vite build --outDir ${siteDir} && node scripts/serve-static.mjs --dir ${siteDir} --prefix ${SITE_PREFIX} --port ${sitePort}`,
      url: `http://127.0.0.1:${sitePort}${SITE_PREFIX}`,
      reuseExistingServer: false,
      timeout: 180_000,
    },
    { command: devCommand, url: devUrl, reuseExistingServer: false, timeout: 180_000 },
  ],
});
