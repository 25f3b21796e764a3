// Makes sure a browser exists for the end-to-end tests, or says exactly what to install.
import { spawnSync } from 'node:child_process';
import { findBrowser } from './find-browser.mjs';

let found = await findBrowser();
if (!found) {
  console.log('[browser] No system Chromium found; trying `npx playwright install chromium` …');
  const r = spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
  if (r.status === 0) found = await findBrowser();
}
if (!found) {
  console.error(`
[browser] No Chromium is available for the end-to-end tests.
Install one of:
  • Debian/Ubuntu:   sudo apt-get update && sudo apt-get install -y chromium
  • Any OS (network): npx playwright install chromium
  • Or point EVENT_LAB_CHROMIUM at an existing Chromium/Chrome binary.
`);
  process.exit(1);
}
console.log(`[browser] Using ${found.path} (${found.source})`);
