// `npm test`: typecheck → lint → format check → unit tests → end-to-end tests, failing fast, then one plain
// summary line ("N passed, N failed") counted from the runners' JSON reports.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

mkdirSync('test-results', { recursive: true });
for (const f of ['test-results/unit.json', 'test-results/e2e.json']) rmSync(f, { force: true });

const stages = [
  ['typecheck', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['lint', 'npx', ['eslint', '--max-warnings', '0', '.']],
  ['format', 'npx', ['prettier', '--check', '.']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile.json=test-results/unit.json'],
  ],
  ['browser', 'node', ['scripts/ensure-browser.mjs']],
  ['e2e', 'npx', ['playwright', 'test']],
];

const counts = () => {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync('test-results/unit.json')) {
    const u = JSON.parse(readFileSync('test-results/unit.json', 'utf8'));
    passed += u.numPassedTests ?? 0;
    failed += u.numFailedTests ?? 0;
    skipped += (u.numPendingTests ?? 0) + (u.numTodoTests ?? 0);
  }
  if (existsSync('test-results/e2e.json')) {
    const e = JSON.parse(readFileSync('test-results/e2e.json', 'utf8'));
    passed += (e.stats?.expected ?? 0) + (e.stats?.flaky ?? 0);
    failed += e.stats?.unexpected ?? 0;
    skipped += e.stats?.skipped ?? 0;
  }
  return { passed, failed, skipped };
};

for (const [name, cmd, args] of stages) {
  console.log(`\n── ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  if (r.status !== 0) {
    const c = counts();
    console.error(`\n✗ ${name} failed after ${secs}s`);
    console.log(`${c.passed} passed, ${Math.max(c.failed, 1)} failed, ${c.skipped} skipped`);
    process.exit(r.status ?? 1);
  }
  console.log(`✓ ${name} (${secs}s)`);
}

const c = counts();
if (c.passed === 0) {
  console.error('No test ran.');
  console.log(`0 passed, 1 failed`);
  process.exit(1);
}
console.log(`\n${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`);
