/**
 * Size of the JavaScript the first screen loads (gzipped): the entry script and whatever it preloads,
 * from a production build. The player (engine, scenarios, views, validator) is loaded when a
 * scenario opens; its size is printed too. Sizes need no baseline. Budget: initial ≤ 150 KB, checked
 * here. The service worker's registration and Workbox's window library are loaded after the first
 * screen, so they count as lazy.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { record } from '../harness';

test('bundle: initial JavaScript, gzipped', () => {
  const out = mkdtempSync(join(tmpdir(), 'event-lab-bundle-'));
  try {
    // Vitest sets NODE_ENV=test, which would make this a development build of React: build as CI would.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && k !== 'NODE_ENV' && k !== 'TEST'),
    );
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir'], {
      stdio: 'ignore',
      env: { ...env, NODE_ENV: 'production' },
    });
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const gz = (file: string) => gzipSync(readFileSync(join(out, file))).length / 1024;
    const initialKB = initial.reduce((n, f) => n + gz(f), 0);
    record('initial JavaScript (gzipped)', initialKB, 'KB');
    expect(initial.length, 'index.html loads an entry script').toBeGreaterThan(0);
    expect(initialKB, 'initial JavaScript budget (KB gzipped)').toBeLessThanOrEqual(150);
    // Everything else is loaded on demand: the player, the scenario content and the validator.
    const lazy = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js') && !initial.includes(`assets/${f}`));
    record(
      'lazy chunks: player, scenarios, validator (gzipped)',
      lazy.reduce((n, f) => n + gz(join('assets', f)), 0),
      'KB',
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
