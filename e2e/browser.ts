import { existsSync } from 'node:fs';

/** Flags that keep Debian's Chromium quiet and working as root in a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** $EVENT_LAB_CHROMIUM, else Debian's Chromium, else undefined (Playwright's own browser). */
export function chromiumPath(): string | undefined {
  const candidates = [process.env.EVENT_LAB_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => !!p && existsSync(p));
}
