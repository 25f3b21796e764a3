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
import { closure } from '../../build/chunkGroups';
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
    // A page opened at a scenario: the entry, the app's shell and the player, with what they import
    // statically. The player is one chunk (build/chunkGroups.ts): each file from the browser's cache
    // costs ~1.2 ms of its own, so this count is held down (it was ~35 before the player was one chunk).
    const player = readdirSync(join(out, 'assets')).filter((f) => /^(main|player)-.*\.js$/.test(f));
    expect(
      player.filter((f) => f.startsWith('player-')),
      'the player is one chunk',
    ).toHaveLength(1);
    const scenarioPage = staticClosure(out, [...initial.map((f) => f.slice('assets/'.length)), ...player]);
    record('JavaScript files a page opened at a scenario loads (entry, app, player)', scenarioPage.length, 'files');
    record(
      'JavaScript a page opened at a scenario loads (gzipped)',
      scenarioPage.reduce((n, f) => n + gz(join('assets', f)), 0),
      'KB',
    );
    expect(scenarioPage.length, 'JavaScript files of a page opened at a scenario').toBeLessThanOrEqual(16);
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

/** `files` (in assets/) and every file they import statically, transitively. */
const staticClosure = (out: string, files: readonly string[]): string[] => [
  ...closure(files, (f) =>
    [...readFileSync(join(out, 'assets', f), 'utf8').matchAll(/(?:\bfrom|\bimport)\s*["']\.\/([^"']+\.js)["']/g)].map(
      (m) => m[1]!,
    ),
  ),
];
