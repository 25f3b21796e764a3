import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, chromiumPath } from './e2e/browser';

// Another port (and build folder) can be chosen so two runs on one machine do not collide.
const port = Number(process.env.EVENT_LAB_E2E_PORT ?? 4174);
const outDir = port === 4174 ? 'dist-e2e' : `dist-e2e-${port}`;

// The e2e build (mode "e2e") exposes window.__eventLab so tests wait on the app, never on sleeps.
export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: port === 4174 ? 'test-results/artifacts' : `test-results/artifacts-${port}`,
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  forbidOnly: true,
  reporter: process.env.CI ? [['line'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    reducedMotion: 'reduce',
    viewport: { width: 1440, height: 900 },
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 }, launchOptions: { executablePath: chromiumPath(), args: chromiumArgs } },
    },
  ],
  webServer: {
    command: `npx vite build --mode e2e --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${port} --strictPort --host 127.0.0.1`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 180_000,
  },
});
