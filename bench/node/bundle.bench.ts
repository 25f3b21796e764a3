/**
 * Size of the JavaScript the first screen loads (gzipped): the entry script and whatever it preloads,
 * from a production build. The player (engine, scenarios, views) is a separate chunk loaded when a
 * scenario opens; its size is printed too. Sizes need no baseline. Target: initial ≤ 200 KB.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { test } from 'vitest';
import { record } from '../harness';

test('bundle: initial JavaScript, gzipped', () => {
  const out = mkdtempSync(join(tmpdir(), 'event-lab-bundle-'));
  try {
    execFileSync('npx', ['vite', 'build', '--outDir', out, '--emptyOutDir'], { stdio: 'ignore' });
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
    const gz = (file: string) => gzipSync(readFileSync(join(out, file))).length / 1024;
    record('initial JavaScript (gzipped)', initial.reduce((n, f) => n + gz(f), 0), 'KB');
    const player = readdirSync(join(out, 'assets')).filter((f) => f.startsWith('PlayerRoutes') && f.endsWith('.js'));
    record('player chunk, loaded when a scenario opens (gzipped)', player.reduce((n, f) => n + gz(join('assets', f)), 0), 'KB');
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
